package dev.dermaguard.intake.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.dermaguard.support.problem.Problem;
import dev.dermaguard.intake.config.IntakeConfig;
import dev.dermaguard.intake.service.BrokerUnavailableException;

/** 503 with Retry-After when the broker did not confirm in time: the outcome is unknown, a retry is safe. */
public class BrokerUnavailableMapper {

    private final IntakeConfig config;

    public BrokerUnavailableMapper(IntakeConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response unavailable(BrokerUnavailableException e) {
        return unavailable(problem(), config);
    }

    static Problem problem() {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "The event could not be confirmed as stored. Retry with the same eventId: it takes effect once.");
    }

    /** The problem with a Retry-After of the publish timeout: by then the broker has had a fair chance to return. */
    static Response unavailable(Object problem, IntakeConfig config) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, config.publishTimeout().toSeconds()))
                .build();
    }
}
