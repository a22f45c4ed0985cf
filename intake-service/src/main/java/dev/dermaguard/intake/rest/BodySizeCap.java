package dev.dermaguard.intake.rest;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

import dev.dermaguard.support.problem.Problem;

/**
 * The server-wide body cap ({@code quarkus.http.limits.max-body-size}) as a 413 problem: Quarkus checks a declared
 * Content-Length in a Vert.x route (order -2) that answers with an empty body, before any JAX-RS mapper could run,
 * so this route runs just before it and answers the same case in words.
 */
public class BodySizeCap {

    private final long maxBodySize;

    public BodySizeCap(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredLength(length) > maxBodySize) {
                Problem problem = Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                        "The request body is larger than the server's limit of " + maxBodySize + " bytes");
                // The body is not read: the connection closes after the answer.
                context.response().setStatusCode(problem.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
                return;
            }
            context.next();
        });
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
