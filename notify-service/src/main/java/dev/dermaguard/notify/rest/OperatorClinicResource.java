package dev.dermaguard.notify.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.dermaguard.support.auth.CurrentCaller;
import dev.dermaguard.contract.auth.Roles;
import dev.dermaguard.contract.validation.ClinicId;
import dev.dermaguard.notify.consent.Offboarding;

/** An operator's clinic procedures that notify-service takes part in (README, "Alerts"). */
@Path("/v1/operator/clinics")
@Tag(name = "Operators")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorClinicResource {

    private final Offboarding offboarding;
    private final CurrentCaller currentCaller;

    public OperatorClinicResource(Offboarding offboarding, CurrentCaller currentCaller) {
        this.offboarding = offboarding;
        this.currentCaller = currentCaller;
    }

    /** Ends the clinic's consents, pending deliveries and open streams; idempotent. Its key may already be gone. */
    @Operation(summary = "Offboard a clinic (notify-service's part)",
            description = "Ends every consent standing for the clinic (each audited as a revocation by the operator), "
                    + "deletes its deliveries not yet published, closes its open streams on every instance and audits the "
                    + "offboarding. Safe to repeat: it ends only what was granted since. Then remove the clinic's key.")
    @APIResponse(responseCode = "200", description = "What was ended.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Offboarding.Result.class),
                    examples = @ExampleObject(name = "offboarded", value = Examples.OFFBOARDED)))
    @POST
    @Path("{clinicId}/offboarding")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Offboarding.Result> offboard(
            @Parameter(description = "The clinic, 1 to 48 of a-z, 0-9, '-'; its key may already be gone.",
                    schema = @Schema(pattern = ClinicId.PATTERN))
            @PathParam("clinicId") @ClinicId String clinicId) {
        return offboarding.offboard(clinicId, currentCaller.get());
    }
}
