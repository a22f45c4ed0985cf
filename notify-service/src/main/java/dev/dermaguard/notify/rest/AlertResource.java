package dev.dermaguard.notify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.dermaguard.support.auth.Caller;
import dev.dermaguard.support.auth.CurrentCaller;
import dev.dermaguard.contract.auth.Roles;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.support.openapi.ApiDocument;
import dev.dermaguard.support.problem.Problem;
import dev.dermaguard.contract.validation.ClinicId;
import dev.dermaguard.contract.validation.UserId;
import dev.dermaguard.support.validation.WholeNumber;
import dev.dermaguard.notify.repository.Deliveries.ClinicAlert;
import dev.dermaguard.notify.service.AlertHistory;
import dev.dermaguard.notify.stream.ClinicStreams;

/**
 * Alert history for an app's users, and for a clinic the alerts delivered to it (its consenting users only), read
 * or streamed live. Every read is audited in the transaction that reads ({@link AlertHistory}).
 */
@Path("/v1")
@Tag(name = "Alerts", description = "Alerts for an app's users, and the alerts delivered to a clinic, read or streamed.")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    /** Thrown when a clinic asks for another clinic's alerts. */
    static final class ForeignClinicException extends RuntimeException {
        ForeignClinicException() {
            super(null, null, false, false);
        }
    }

    static final int MAX_LIMIT = 500;
    private static final String LIMIT = "How many, 1 to " + MAX_LIMIT + ".";
    private static final String CLINIC_ID = "The clinic of the key, 1 to 48 of a-z, 0-9, '-'; another clinic's id is 403.";

    private final CurrentCaller currentCaller;
    private final AlertHistory history;
    private final ClinicStreams streams;
    private final EventCodec codec;

    public AlertResource(CurrentCaller currentCaller, AlertHistory history, ClinicStreams streams, EventCodec codec) {
        this.currentCaller = currentCaller;
        this.history = history;
        this.streams = streams;
        this.codec = codec;
    }

    /** The user's alerts, newest first, with the occurrences counted since each was raised. */
    @Operation(summary = "A user's alerts, newest first",
            description = "For the app's own users; occurrences counts the firings since each alert was raised. The "
                    + "read is audited.")
    @APIResponse(responseCode = "200", description = "Newest first, at most limit.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AlertRaised.class),
                    examples = @ExampleObject(name = "one alert", value = Examples.USER_ALERTS)))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @GET
    @Path("users/{userId}/alerts")
    @RolesAllowed(Roles.APP)
    public Uni<List<AlertRaised>> ofUser(
            @Parameter(description = "The app's own id of the user; one this app never posted about is 404.",
                    schema = @Schema(pattern = UserId.PATTERN))
            @PathParam("userId") @UserId String userId,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + MAX_LIMIT, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") @WholeNumber(min = 1, max = MAX_LIMIT) String limitText) {
        return history.ofUser(currentCaller.get(), userId, Integer.parseInt(limitText))
                .map(alerts -> alerts.orElseThrow(NotFoundException::new));
    }

    /** The alerts delivered to the clinic, newest first; {@code before} a cursor pages back. */
    @Operation(summary = "The alerts delivered to a clinic, newest first",
            description = "Only for users whose consent to share with this clinic stood when the alert was raised; after "
                    + "a revocation each of that user's alerts as it stood then. Each comes with its cursor; before=<cursor> "
                    + "pages back. The read is audited.")
    @APIResponse(responseCode = "200", description = "Newest first, at most limit.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ClinicAlert.class),
                    examples = @ExampleObject(name = "one delivered alert", value = Examples.CLINIC_ALERTS)))
    @GET
    @Path("clinics/{clinicId}/alerts")
    @RolesAllowed(Roles.CLINIC)
    public Uni<List<ClinicAlert>> ofClinic(
            @Parameter(description = CLINIC_ID, schema = @Schema(pattern = ClinicId.PATTERN))
            @PathParam("clinicId") @ClinicId String clinicId,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + MAX_LIMIT, defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") @WholeNumber(min = 1, max = MAX_LIMIT) String limitText,
            @Parameter(description = "A cursor: only alerts delivered before it.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("before") @WholeNumber(min = 1) String beforeText) {
        int limit = Integer.parseInt(limitText);
        Long before = beforeText == null ? null : Long.parseLong(beforeText);
        return history.ofClinic(ownClinic(clinicId), clinicId, before, limit);
    }

    /**
     * Server-Sent Events, one per alert delivered to the clinic, each with its cursor as id. With
     * {@code Last-Event-ID} the stream first replays every alert after that cursor (a {@code gap} event first when
     * some of them expired); without it starts at the newest. A comment line every heartbeat keeps it open.
     */
    @Operation(summary = "The alerts delivered to a clinic, live (Server-Sent Events)",
            description = "An alert event per delivery, with its cursor as id and the alert as data. With Last-Event-ID "
                    + "the stream first replays every alert after that cursor (a gap event first when some expired); "
                    + "without it, it starts at the newest. A heartbeat comment keeps it open. At most a few streams per "
                    + "clinic and per instance (429 beyond).")
    @APIResponse(responseCode = "200", description = "The stream; it stays open.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "a heartbeat and an alert", value = Examples.STREAM)))
    @APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
    @GET
    @Path("clinics/{clinicId}/alerts/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.CLINIC)
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = CLINIC_ID, schema = @Schema(pattern = ClinicId.PATTERN))
            @PathParam("clinicId") @ClinicId String clinicId,
            @Parameter(description = "The cursor of the last alert received: replay from after it.",
                    schema = @Schema(type = SchemaType.INTEGER))
            @HeaderParam("Last-Event-ID") @WholeNumber String lastEventId, @Context Sse sse) {
        Caller caller = ownClinic(clinicId);
        Long resumeAfter = lastEventId == null ? null : Long.parseLong(lastEventId);
        return streams.follow(clinicId, () -> history.streamStart(caller, clinicId, resumeAfter))
                .map(event -> sseEvent(sse, event));
    }

    private OutboundSseEvent sseEvent(Sse sse, ClinicStreams.StreamEvent event) {
        if (event instanceof ClinicStreams.Heartbeat) {
            return sse.newEventBuilder().comment("heartbeat").build();
        }
        OutboundSseEvent.Builder builder = sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE);
        if (event instanceof ClinicStreams.Gap gap) {
            // Resuming from this id asks for nothing that expired again.
            return builder.id(Long.toString(gap.oldestKept() - 1)).name("gap").data(codec.write(gap)).build();
        }
        ClinicAlert delivered = ((ClinicStreams.Delivered) event).alert();
        return builder.id(Long.toString(delivered.cursor())).name("alert").data(codec.write(delivered.alert())).build();
    }

    private Caller ownClinic(String clinicId) {
        Caller caller = currentCaller.get();
        if (!caller.principalId().equals(clinicId)) {
            throw new ForeignClinicException();
        }
        return caller;
    }

    @ServerExceptionMapper
    public Response tooManyStreams(ClinicStreams.TooManyStreamsException e) {
        return Problem.of(Response.Status.TOO_MANY_REQUESTS, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response foreignClinic(ForeignClinicException e) {
        return Problem.of(Response.Status.FORBIDDEN, "A clinic reads its own alerts only").toResponse();
    }
}
