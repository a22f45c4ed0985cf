package dev.dermaguard.risk.rest;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.dermaguard.support.auth.CurrentCaller;
import dev.dermaguard.contract.auth.Roles;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.support.openapi.ApiDocument;
import dev.dermaguard.contract.validation.UserId;
import dev.dermaguard.support.validation.WholeNumber;
import dev.dermaguard.risk.service.RiskProfiles;

/**
 * The read side, for apps about their own users only: the same userId under another app is another person, so
 * a user the calling app never posted is 404.
 */
@Path("/v1/users/{userId}")
@Tag(name = "Risks", description = "Where an app's user stands: open findings per area and every assessment.")
@RolesAllowed(Roles.APP)
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

    static final int MAX_LIMIT = 200;
    private static final String USER_ID = "The app's own id of the user, 1 to 64 of A-Z, a-z, 0-9, '.', '_', '-'; "
            + "a user this app never posted about is 404.";

    private final RiskProfiles profiles;
    private final CurrentCaller caller;

    public RiskResource(RiskProfiles profiles, CurrentCaller caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @Operation(summary = "A user's risk profile, area by area",
            description = "Per area the last session, the open findings, the earliest time the area has healed from its "
                    + "last session at the depth used (nextSafeSessionAt) and the open findings that call for an all-clear "
                    + "check-in first (waitForAllClear). Only areas with a session or an open finding are listed.")
    @APIResponse(responseCode = "200", description = "The profile by the rule set in ruleSetVersion.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RiskProfile.class),
                    examples = @ExampleObject(name = "healing gap on the cheeks", value = Examples.RISK_PROFILE)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @GET
    @Path("/risk-profile")
    public Uni<RiskProfile> riskProfile(@Parameter(description = USER_ID, schema = @Schema(pattern = UserId.PATTERN)) @PathParam("userId") @UserId String userId) {
        String appId = caller.appId();
        return Panache.withSession(() -> profiles.profile(appId, userId))
                .map(found -> RiskProfile.of(found.orElseThrow(() -> unknownUser())));
    }

    @Operation(summary = "A user's assessments, newest first",
            description = "One per judged event and arrival: a late event judges again what it changes, each judgement "
                    + "with an assessment of its own. risks may be empty.")
    @APIResponse(responseCode = "200", description = "Newest first, at most limit.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RiskAssessed.class),
                    examples = @ExampleObject(name = "one assessment", value = Examples.ASSESSMENTS)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @GET
    @Path("/assessments")
    public Uni<List<RiskAssessed>> assessments(@Parameter(description = USER_ID, schema = @Schema(pattern = UserId.PATTERN)) @PathParam("userId") @UserId String userId,
            @Parameter(description = "How many, 1 to " + MAX_LIMIT + ".", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") @WholeNumber(min = 1, max = MAX_LIMIT) String limit) {
        int count = Integer.parseInt(limit);
        String appId = caller.appId();
        return Panache.withSession(() -> profiles.assessments(appId, userId, count)).map(found -> {
            if (found.isEmpty()) {
                throw unknownUser();
            }
            return found;
        });
    }

    private static NotFoundException unknownUser() {
        return new NotFoundException("No such user for this app");
    }
}
