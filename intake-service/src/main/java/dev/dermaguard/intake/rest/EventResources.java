package dev.dermaguard.intake.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.ResponseStatus;

import dev.dermaguard.common.auth.CurrentCaller;
import dev.dermaguard.common.auth.RequiresRole;
import dev.dermaguard.common.auth.Role;
import dev.dermaguard.intake.config.IntakeConfig;
import dev.dermaguard.intake.service.EventPublisher;

/**
 * The event endpoints: each answers 202 once the broker has every event it was given. They block a worker thread
 * (bodies are counted as they are read, see BodyLimitFilter) for at most the publish timeout.
 */
@Path("/v1")
@Blocking
@RequiresRole(Role.APP)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EventResources {

    private final EventPublisher publisher;
    private final SessionBatchReader batchReader;
    private final CurrentCaller caller;
    private final IntakeConfig config;

    public EventResources(EventPublisher publisher, SessionBatchReader batchReader, CurrentCaller caller,
                          IntakeConfig config) {
        this.publisher = publisher;
        this.batchReader = batchReader;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Path("/sessions")
    @ResponseStatus(202)
    @BodyLimit(BodyLimit.ONE_EVENT)
    public Accepted logSession(@Valid @NotNull SessionRequest session) {
        return accept(session);
    }

    @POST
    @Path("/check-ins")
    @ResponseStatus(202)
    @BodyLimit(BodyLimit.ONE_EVENT)
    public Accepted reportCheckIn(@Valid @NotNull CheckInRequest checkIn) {
        return accept(checkIn);
    }

    @POST
    @Path("/consents")
    @ResponseStatus(202)
    @BodyLimit(BodyLimit.ONE_EVENT)
    public Accepted changeConsent(@Valid @NotNull ConsentRequest consent) {
        return accept(consent);
    }

    /** The records are sent all at once, so the whole batch waits at most about one publish timeout. */
    @POST
    @Path("/sessions/batch")
    @BodyLimit(BodyLimit.BATCH)
    public Response logSessions(InputStream body) throws IOException {
        List<SessionRequest> sessions = batchReader.read(body);
        return publisher.publishInOrder(sessions.stream().map(this::publish).toList()).map(acknowledged -> {
            List<BatchResult> results = new ArrayList<>(sessions.size());
            for (int i = 0; i < sessions.size(); i++) {
                results.add(new BatchResult(sessions.get(i).eventId(),
                        acknowledged.get(i) ? BatchResult.Status.ACCEPTED : BatchResult.Status.UNKNOWN));
            }
            return acknowledged.contains(false)
                    ? BrokerUnavailableMapper.unavailable(BatchUnconfirmed.of(results), config)
                    : Response.accepted(new BatchAccepted(results)).build();
        }).await().indefinitely();
    }

    private Accepted accept(AppEvent event) {
        // Bounded: publish fails with BrokerUnavailableException after the publish timeout.
        publish(event).await().indefinitely();
        return Accepted.of(event.eventId());
    }

    private Uni<Void> publish(AppEvent event) {
        String appId = caller.appId();
        return publisher.publish(event.eventId(), event.type(), appId, event.userId(), event.toEvent(appId));
    }
}
