package dev.dermaguard.support.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import dev.dermaguard.contract.auth.Roles;
import dev.dermaguard.support.problem.Problem;

/**
 * The 403 of a path that a permission protects, as a problem like the endpoints' own (they refuse in
 * {@link AuthProblems}). The one such permission, {@code api-reference}, admits operators only.
 */
@ApplicationScoped
public class PathRefusals {

    static final String OPERATORS_ONLY = "This endpoint is for " + Roles.OPERATOR + " keys";

    private final String forbidden;

    public PathRefusals(ObjectMapper json) throws JsonProcessingException {
        this.forbidden = json.writeValueAsString(Problem.of(Response.Status.FORBIDDEN, OPERATORS_ONLY));
    }

    void refuseAsProblems(@Observes Router router) {
        router.route().failureHandler(context -> {
            if (context.failure() instanceof ForbiddenException && !context.response().headWritten()) {
                context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(forbidden);
            } else {
                context.next();
            }
        });
    }
}
