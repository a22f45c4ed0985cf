package dev.dermaguard.intake.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.dermaguard.common.problem.Problem;
import dev.dermaguard.intake.config.IntakeConfig;
import dev.dermaguard.intake.service.BrokerUnavailableException;

public class BrokerUnavailableMapper {

    private final IntakeConfig config;

    public BrokerUnavailableMapper(IntakeConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response unavailable(BrokerUnavailableException e) {
        Response response = Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "The event could not be confirmed as stored. Retry with the same eventId: it takes effect once.")
                .toResponse();
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Math.max(1, config.publishTimeout().toSeconds()));
        return response;
    }
}
