package dev.dermaguard.notify.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

import dev.dermaguard.common.auth.CurrentCaller;
import dev.dermaguard.common.auth.Roles;
import dev.dermaguard.common.validation.ClinicId;
import dev.dermaguard.notify.consent.Offboarding;

/** An operator's clinic procedures that notify-service takes part in (README, "Alerts"). */
@Path("/v1/operator/clinics")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorClinicResource {

    private final Offboarding offboarding;
    private final CurrentCaller currentCaller;

    public OperatorClinicResource(Offboarding offboarding, CurrentCaller currentCaller) {
        this.offboarding = offboarding;
        this.currentCaller = currentCaller;
    }

    /** Ends the clinic's consents, pending deliveries and open streams; idempotent. Its key may already be gone. */
    @POST
    @Path("{clinicId}/offboarding")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Offboarding.Result> offboard(@PathParam("clinicId") @ClinicId String clinicId) {
        return offboarding.offboard(clinicId, currentCaller.get());
    }
}
