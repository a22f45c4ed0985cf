package dev.dermaguard.notify.consent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.support.auth.Caller;
import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.notify.repository.Deliveries;
import dev.dermaguard.notify.stream.ClinicStreams;

/**
 * notify-service's part of offboarding a clinic (README, "Alerts"): in one transaction its consents end (each a
 * revocation), its deliveries not yet published are dropped, and every instance closes its open streams when the
 * transaction commits. Running it again ends whatever was granted since and drops nothing twice.
 */
@ApplicationScoped
public class Offboarding {

    /** What this offboarding ended. */
    public record Result(String clinicId, int consentsEnded, int pendingDeliveriesDeleted) {
    }

    private final ConsentService consents;
    private final Deliveries deliveries;
    private final AuditLog audit;

    public Offboarding(ConsentService consents, Deliveries deliveries, AuditLog audit) {
        this.consents = consents;
        this.deliveries = deliveries;
        this.audit = audit;
    }

    public Uni<Result> offboard(String clinicId, Caller operator) {
        return Panache.withTransaction(() -> consents.endAll(clinicId, operator)
                .flatMap(ended -> deliveries.dropUnpublished(Topics.clinicAlerts(clinicId))
                        .map(deleted -> new Result(clinicId, ended, deleted)))
                // NOTIFY is delivered on commit, and never if the transaction rolls back.
                .call(result -> deliveries.notifyOnCommit(ClinicStreams.OFFBOARDED, clinicId))
                .call(result -> audit.record(operator, "clinic.offboarded", "clinic " + clinicId,
                        result.consentsEnded() + " consents ended, " + result.pendingDeliveriesDeleted()
                                + " pending deliveries deleted, open streams closed")));
    }
}
