package dev.dermaguard.intake.rest;

import java.util.Map;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import dev.dermaguard.support.kafka.ConsumerRetry;

/**
 * What intake took and what it turned away, in {@code /q/metrics}: {@code dermaguard.intake.events.accepted} by event
 * type (once the broker has the record) and {@code dermaguard.intake.events.rejected} by reason, a word for the
 * answer's status. Tags never name the app, the user or a value of the request.
 */
@Singleton
public class EventCounts {

    private static final Logger EVENT_LOG = Logger.getLogger(ConsumerRetry.EVENTS);
    private static final Map<Integer, String> REASONS = Map.of(
            400, "invalid", 401, "unauthenticated", 403, "forbidden", 404, "not_found", 405, "method_not_allowed",
            406, "not_acceptable", 413, "too_large", 415, "unsupported_media_type", 503, "broker_unavailable");

    private final MeterRegistry metrics;

    public EventCounts(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void accepted(AppEvent event) {
        EVENT_LOG.debugf("Accepted %s %s", event.type(), event.eventId());
        metrics.counter("dermaguard.intake.events.accepted", "type", event.type()).increment();
    }

    @ServerResponseFilter
    public void countRejected(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && request.getUriInfo().getRequestUri().getPath().startsWith("/v1/")) {
            metrics.counter("dermaguard.intake.events.rejected", "reason",
                    REASONS.getOrDefault(response.getStatus(), "other")).increment();
        }
    }
}
