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

import dev.dermaguard.common.auth.CurrentCaller;
import dev.dermaguard.common.auth.Roles;
import dev.dermaguard.common.events.RiskAssessed;
import dev.dermaguard.common.validation.UserId;
import dev.dermaguard.common.validation.WholeNumber;
import dev.dermaguard.risk.service.RiskProfiles;

/**
 * The read side, for apps about their own users only: the same userId under another app is another person, so
 * a user the calling app never posted is 404.
 */
@Path("/v1/users/{userId}")
@RolesAllowed(Roles.APP)
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

    static final int MAX_LIMIT = 200;

    private final RiskProfiles profiles;
    private final CurrentCaller caller;

    public RiskResource(RiskProfiles profiles, CurrentCaller caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    @Path("/risk-profile")
    public Uni<RiskProfile> riskProfile(@PathParam("userId") @UserId String userId) {
        String appId = caller.appId();
        return Panache.withSession(() -> profiles.profile(appId, userId)).map(found -> found.orElseThrow(
                () -> unknownUser()));
    }

    @GET
    @Path("/assessments")
    public Uni<List<RiskAssessed>> assessments(@PathParam("userId") @UserId String userId,
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
