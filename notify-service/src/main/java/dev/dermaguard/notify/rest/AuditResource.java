package dev.dermaguard.notify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import dev.dermaguard.common.auth.Roles;
import dev.dermaguard.common.validation.WholeNumber;
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
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<AuditLog.Entry>> list(
            @QueryParam("limit") @DefaultValue("100") @WholeNumber(min = 1, max = 1000) String limit,
            @QueryParam("before") @WholeNumber(min = 1) String before) {
        return audit.list(Integer.parseInt(limit), before == null ? null : Long.parseLong(before));
    }
}
