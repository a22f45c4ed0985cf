package dev.dermaguard.outbox;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import dev.dermaguard.common.auth.RequiresRole;
import dev.dermaguard.common.auth.Role;
import dev.dermaguard.common.problem.Problem;

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
    @RequiresRole(Role.OPERATOR)
    public Uni<List<ParkedRows.Parked>> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after) {
        return parked.list(limit, after);
    }

    public record Requeued(long outboxId) {
    }

    /** 202: the row is back in the outbox and goes out on the relay's next round (or is parked again, if its cause remains). */
    @POST
    @Path("{id}/retry")
    @RequiresRole(Role.OPERATOR)
    public Uni<Response> retry(@PathParam("id") @Min(1) long id) {
        return parked.retry(id).map(requeued -> requeued
                .map(outboxId -> Response.accepted(new Requeued(outboxId)).build())
                .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "No parked outbox row " + id).toResponse()));
    }
}
