package dev.dermaguard.intake.rest;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.dermaguard.support.problem.Problem;

/**
 * A body must say what it is: Quarkus REST would match {@code Content-Type: *}{@code /*} to application/json and
 * read it, so such a body is refused with 415 like any other type that is not JSON (found by the fuzz test).
 */
public class WildcardContentTypeFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseWildcard(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
            return Optional.of(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json").toResponse());
        }
        return Optional.empty();
    }
}
