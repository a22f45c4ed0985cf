package dev.dermaguard.intake.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import dev.dermaguard.support.auth.CurrentCaller;
import dev.dermaguard.contract.auth.Roles;
import dev.dermaguard.support.openapi.ApiDocument;
import dev.dermaguard.support.problem.Problem;
import dev.dermaguard.intake.config.IntakeConfig;
import dev.dermaguard.intake.service.EventPublisher;
import dev.dermaguard.intake.service.NoRoomException;

/**
 * The event endpoints: each answers 202 once the broker has every event it was given. They block a worker thread
 * (bodies are counted as they are read, see BodyLimitFilter) for at most the publish timeout waiting for room among
 * the records in flight, then at most the publish timeout for the broker.
 */
@Path("/v1")
@Tag(name = "Events", description = "What an app backend posts; each answers 202 once the broker has it.")
@Blocking
@RolesAllowed(Roles.APP)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EventResources {

    private final EventPublisher publisher;
    private final SessionBatchReader batchReader;
    private final CurrentCaller caller;
    private final IntakeConfig config;
    private final EventCounts counts;

    public EventResources(EventPublisher publisher, SessionBatchReader batchReader, CurrentCaller caller,
                          IntakeConfig config, EventCounts counts) {
        this.publisher = publisher;
        this.batchReader = batchReader;
        this.caller = caller;
        this.config = config;
        this.counts = counts;
    }

    @Operation(summary = "Log one micro-needling session", description = "appId comes from the API key. Re-posting an eventId answers 202 again and takes no second effect.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionRequest.class),
            examples = @ExampleObject(name = "session", value = Examples.SESSION)))
    @APIResponse(responseCode = "202", description = "Stored in the broker; takes effect once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class),
                    examples = @ExampleObject(name = "accepted", value = Examples.ACCEPTED)))
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    @POST
    @Path("/sessions")
    @ResponseStatus(202)
    @BodyLimit(BodyLimit.ONE_EVENT)
    public Accepted logSession(@Valid @NotNull SessionRequest session) {
        return accept(session);
    }

    @Operation(summary = "Report how an area looks after a session", description = "symptoms may be empty (all clear) and holds no duplicates.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CheckInRequest.class),
            examples = @ExampleObject(name = "check-in", value = Examples.CHECK_IN)))
    @APIResponse(responseCode = "202", description = "Stored in the broker; takes effect once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class),
                    examples = @ExampleObject(name = "accepted", value = Examples.ACCEPTED)))
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    @POST
    @Path("/check-ins")
    @ResponseStatus(202)
    @BodyLimit(BodyLimit.ONE_EVENT)
    public Accepted reportCheckIn(@Valid @NotNull CheckInRequest checkIn) {
        return accept(checkIn);
    }

    @Operation(summary = "Grant or revoke sharing alerts with a clinic", description = "Alerts raised after a revocation is processed are no longer delivered to that clinic.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConsentRequest.class),
            examples = @ExampleObject(name = "consent", value = Examples.CONSENT)))
    @APIResponse(responseCode = "202", description = "Stored in the broker; takes effect once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class),
                    examples = @ExampleObject(name = "accepted", value = Examples.ACCEPTED)))
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    @POST
    @Path("/consents")
    @ResponseStatus(202)
    @BodyLimit(BodyLimit.ONE_EVENT)
    public Accepted changeConsent(@Valid @NotNull ConsentRequest consent) {
        return accept(consent);
    }

    /**
     * The batch waits for room for all its records, then they are sent all at once: it waits at most the publish
     * timeout for each.
     */
    @Operation(summary = "Log up to 500 sessions at once, all or nothing",
            description = "Any invalid item rejects the whole batch with a 400 naming each bad item by index and field "
                    + "([3].area); nothing is published then. Items are published in the order posted, so one user's "
                    + "sessions keep their order. If the broker confirms only part in time, the 503 says per item "
                    + "ACCEPTED or UNKNOWN; re-post the whole batch with the same eventIds.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SessionRequest.class, maxItems = SessionBatchReader.MAX_ITEMS),
            examples = @ExampleObject(name = "two sessions", value = "[" + Examples.SESSION + "," + Examples.SESSION_2 + "]")))
    @APIResponse(responseCode = "202", description = "Every item is stored in the broker; one result per item, in order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchAccepted.class),
                    examples = @ExampleObject(name = "accepted", value = Examples.BATCH_ACCEPTED)))
    @APIResponse(responseCode = "400", description = "Not an array of 1 to 500 sessions, or invalid items; nothing was published.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid items", value = Examples.BATCH_INVALID)))
    @APIResponse(responseCode = "503", description = "Not every item was confirmed in time. Retry the batch with the same "
            + "eventIds after Retry-After seconds.",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = BatchUnconfirmed.class),
                    examples = @ExampleObject(name = "partly confirmed", value = Examples.BATCH_UNCONFIRMED)))
    @POST
    @Path("/sessions/batch")
    @BodyLimit(BodyLimit.BATCH)
    public Response logSessions(InputStream body) throws IOException {
        List<SessionRequest> sessions = batchReader.read(body);
        try {
            publisher.reserve(sessions.size());
        } catch (NoRoomException e) {
            return BrokerUnavailableMapper.unavailable(BatchUnconfirmed.of(sessions.stream()
                    .map(session -> new BatchResult(session.eventId(), BatchResult.Status.UNKNOWN)).toList()), config);
        }
        return publisher.publishInOrder(sessions.stream().map(this::publish).toList()).map(acknowledged -> {
            List<BatchResult> results = new ArrayList<>(sessions.size());
            for (int i = 0; i < sessions.size(); i++) {
                if (acknowledged.get(i)) {
                    counts.accepted(sessions.get(i));
                }
                results.add(new BatchResult(sessions.get(i).eventId(),
                        acknowledged.get(i) ? BatchResult.Status.ACCEPTED : BatchResult.Status.UNKNOWN));
            }
            return acknowledged.contains(false)
                    ? BrokerUnavailableMapper.unavailable(BatchUnconfirmed.of(results), config)
                    : Response.accepted(new BatchAccepted(results)).build();
        }).await().indefinitely();
    }

    private Accepted accept(AppEvent event) {
        // Bounded: each fails with BrokerUnavailableException after the publish timeout.
        publisher.reserve(1);
        publish(event).await().indefinitely();
        counts.accepted(event);
        return Accepted.of(event.eventId());
    }

    private Uni<Void> publish(AppEvent event) {
        String appId = caller.appId();
        return publisher.publish(event.eventId(), event.type(), appId, event.userId(), event.toEvent(appId));
    }
}
