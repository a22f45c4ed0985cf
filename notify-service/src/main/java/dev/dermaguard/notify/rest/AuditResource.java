package dev.dermaguard.notify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
import dev.dermaguard.support.validation.WholeNumber;
import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.notify.repository.AuditEntries;

/** The audit log for operators: who raised, read, streamed or consented to what, and when. */
@Path("/v1/audit")
@Tag(name = "Operators", description = "For operators: the audit log and the clinic procedures.")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    /** Newest first; {@code before} an entry id pages back. */
    @Operation(summary = "The audit log, newest first",
            description = "Who raised, read, streamed or consented to what, and when; never health data itself.")
    @APIResponse(responseCode = "200", description = "Newest first, at most limit.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntries.Entry.class),
                    examples = @ExampleObject(name = "a clinic's read", value = Examples.AUDIT)))
    @GET
    @RolesAllowed(Roles.OPERATOR)
    public Uni<List<AuditEntries.Entry>> list(
            @Parameter(description = "How many, 1 to 1000.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") @DefaultValue("100") @WholeNumber(min = 1, max = 1000) String limit,
            @Parameter(description = "An entry id: only entries before it.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("before") @WholeNumber(min = 1) String before) {
        return audit.list(Integer.parseInt(limit), before == null ? null : Long.parseLong(before));
    }
}
