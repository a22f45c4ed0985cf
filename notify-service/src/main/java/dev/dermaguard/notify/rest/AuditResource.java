package dev.dermaguard.notify.rest;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import dev.dermaguard.common.auth.RequiresRole;
import dev.dermaguard.common.auth.Role;
import dev.dermaguard.notify.audit.AuditLog;

/** The audit log for operators: who raised, read, streamed or consented to what, and when. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    /** Newest first; {@code before} an entry id pages back. */
    @GET
    @RequiresRole(Role.OPERATOR)
    public Uni<List<AuditLog.Entry>> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("before") @Min(1) Long before) {
        return audit.list(limit, before);
    }
}
