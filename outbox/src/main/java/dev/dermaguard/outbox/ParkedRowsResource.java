package dev.dermaguard.outbox;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.dermaguard.contract.auth.Roles;
import dev.dermaguard.support.openapi.ApiDocument;
import dev.dermaguard.support.problem.Problem;
import dev.dermaguard.support.validation.WholeNumber;

/** Operators list the outbox rows that could not be sent and send one again once its cause is mended. */
@Path("/v1/operator/outbox/parked")
@Tag(name = "Operators", description = "For operators: outbox rows that could not be sent.")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedRowsResource {

    private final ParkedRows parked;

    public ParkedRowsResource(ParkedRows parked) {
        this.parked = parked;
    }

    /** Oldest first; {@code after} the last id of a page gives the next. */
    @Operation(summary = "The parked outbox rows, oldest first",
            description = "Rows that can never be sent as they are (topic deleted, authorization withdrawn, too large), "
                    + "with the reason; never their payload. after=<last id> gives the next page.")
    @APIResponse(responseCode = "200", description = "Oldest first, at most limit.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ParkedRows.Parked.class),
                    examples = @ExampleObject(name = "one parked row", value = """
                            [{"id":311,"topic":"microneedling.alerts.clinic.demo-clinic","recordKey":"demo-app:u-123",
                              "eventId":"4f3e2d1c-0b9a-4887-a665-544332211000","eventType":"dermaguard.alert.raised.v1",
                              "createdAt":"2026-11-21T21:00:01.530Z","reason":"not authorized to write to topic microneedling.alerts.clinic.demo-clinic",
                              "parkedAt":"2026-11-21T21:00:31.902Z"}]""")))
    @GET
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<ParkedRows.Parked>> list(
            @Parameter(description = "How many, 1 to 1000.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") @DefaultValue("100") @WholeNumber(min = 1, max = 1000) String limit,
            @Parameter(description = "The last id of the previous page.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("after") @DefaultValue("0") @WholeNumber String after) {
        return parked.list(Integer.parseInt(limit), Long.parseLong(after));
    }

    public record Requeued(long outboxId) {
    }

    /** 202: the row is back in the outbox and goes out on the relay's next round (or is parked again, if its cause remains). */
    @Operation(summary = "Send a parked row again",
            description = "Once its cause is mended: the row goes back to the outbox and out on the relay's next round, "
                    + "or is parked again if the cause remains.")
    @APIResponse(responseCode = "202", description = "Back in the outbox, under its new outbox id.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Requeued.class),
                    examples = @ExampleObject(name = "requeued", value = "{\"outboxId\":5120}")))
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @POST
    @Path("{id}/retry")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> retry(
            @Parameter(description = "The parked row's id.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @PathParam("id") @WholeNumber(min = 1) String id) {
        return parked.retry(Long.parseLong(id)).map(requeued -> requeued
                .map(outboxId -> Response.accepted(new Requeued(outboxId)).build())
                .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "No parked outbox row " + id).toResponse()));
    }
}
