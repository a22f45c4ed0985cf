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

import io.smallrye.mutiny.Uni;

import dev.dermaguard.common.auth.Roles;
import dev.dermaguard.common.problem.Problem;
import dev.dermaguard.common.validation.WholeNumber;

/** Operators list the outbox rows that could not be sent and send one again once its cause is mended. */
@Path("/v1/operator/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedRowsResource {

    private final ParkedRows parked;

    public ParkedRowsResource(ParkedRows parked) {
        this.parked = parked;
    }

    /** Oldest first; {@code after} the last id of a page gives the next. */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<ParkedRows.Parked>> list(
            @QueryParam("limit") @DefaultValue("100") @WholeNumber(min = 1, max = 1000) String limit,
            @QueryParam("after") @DefaultValue("0") @WholeNumber String after) {
        return parked.list(Integer.parseInt(limit), Long.parseLong(after));
    }

    public record Requeued(long outboxId) {
    }

    /** 202: the row is back in the outbox and goes out on the relay's next round (or is parked again, if its cause remains). */
    @POST
    @Path("{id}/retry")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> retry(@PathParam("id") @WholeNumber(min = 1) String id) {
        return parked.retry(Long.parseLong(id)).map(requeued -> requeued
                .map(outboxId -> Response.accepted(new Requeued(outboxId)).build())
                .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "No parked outbox row " + id).toResponse()));
    }
}
