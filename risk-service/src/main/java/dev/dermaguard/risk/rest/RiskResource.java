package dev.dermaguard.risk.rest;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.dermaguard.common.auth.CurrentCaller;
import dev.dermaguard.common.auth.RequiresRole;
import dev.dermaguard.common.auth.Role;
import dev.dermaguard.common.events.RiskAssessed;
import dev.dermaguard.common.problem.Problem;
import dev.dermaguard.risk.service.RiskProfiles;

/**
 * The read side, for apps about their own users only: the same userId under another app is another person, so
 * a user the calling app never posted is 404.
 */
@Path("/v1/users/{userId}")
@RequiresRole(Role.APP)
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
    public Uni<RiskProfile> riskProfile(@PathParam("userId") String userId) {
        String appId = caller.appId();
        return Panache.withSession(() -> profiles.profile(appId, userId)).map(found -> found.orElseThrow(
                () -> unknownUser()));
    }

    @GET
    @Path("/assessments")
    public Uni<List<RiskAssessed>> assessments(@PathParam("userId") String userId,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        int count = parseLimit(limit);
        String appId = caller.appId();
        return Panache.withSession(() -> profiles.assessments(appId, userId, count)).map(found -> {
            if (found.isEmpty()) {
                throw unknownUser();
            }
            return found;
        });
    }

    /** Parsed here rather than by the framework, so that "abc" is a 400 naming the field, not a 404. */
    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below like any other bad value
        }
        throw new InvalidLimit();
    }

    @ServerExceptionMapper
    public Response invalidLimit(InvalidLimit e) {
        return Problem.invalid("The request has 1 invalid field(s)",
                List.of(new Problem.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT))).toResponse();
    }

    static final class InvalidLimit extends RuntimeException {
        InvalidLimit() {
            super("limit out of range", null, false, false);
        }
    }

    private static NotFoundException unknownUser() {
        return new NotFoundException("No such user for this app");
    }
}
