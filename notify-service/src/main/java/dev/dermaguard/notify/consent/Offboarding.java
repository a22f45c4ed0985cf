package dev.dermaguard.notify.consent;

import java.util.Locale;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.Topics;
import dev.dermaguard.common.auth.Caller;
import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.notify.stream.ClinicStreams;
import dev.dermaguard.outbox.NativeSql;

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
    private final AuditLog audit;

    public Offboarding(ConsentService consents, AuditLog audit) {
        this.consents = consents;
        this.audit = audit;
    }

    public Uni<Result> offboard(String clinicId, Caller operator) {
        return Panache.withTransaction(() -> consents.endAll(clinicId, operator)
                .flatMap(ended -> NativeSql.update("delete from outbox_message where topic = ?1",
                                Topics.clinicAlerts(clinicId))
                        .map(deleted -> new Result(clinicId, ended, deleted)))
                // NOTIFY is delivered on commit, and never if the transaction rolls back.
                .call(result -> NativeSql.list("select count(*) from (select pg_notify(?1, ?2)) notified", Long.class,
                        ClinicStreams.OFFBOARDED, clinicId))
                .call(result -> audit.record(operator.role().name().toLowerCase(Locale.ROOT), operator.principalId(),
                        "clinic.offboarded", "clinic " + clinicId, result.consentsEnded() + " consents ended, "
                                + result.pendingDeliveriesDeleted() + " pending deliveries deleted, open streams closed")));
    }
}
