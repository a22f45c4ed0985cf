package dev.dermaguard.notify.service;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.support.auth.Caller;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.notify.repository.Alerts;
import dev.dermaguard.notify.repository.Deliveries;
import dev.dermaguard.notify.repository.Deliveries.ClinicAlert;
import dev.dermaguard.notify.repository.KnownUsers;

/** The reads of alerts by apps and clinics, each audited in the transaction that reads. */
@ApplicationScoped
public class AlertHistory {

    private final KnownUsers users;
    private final Alerts alerts;
    private final Deliveries deliveries;
    private final AuditLog audit;

    public AlertHistory(KnownUsers users, Alerts alerts, Deliveries deliveries, AuditLog audit) {
        this.users = users;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.audit = audit;
    }

    /** The user's alerts, newest first; empty when the calling app never posted about the user. */
    public Uni<Optional<List<AlertRaised>>> ofUser(Caller app, String userId, int limit) {
        return Panache.withTransaction(() -> users.knows(app.principalId(), userId).flatMap(known -> !known
                ? Uni.createFrom().item(Optional.empty())
                : alerts.ofUser(app.principalId(), userId, limit)
                        .call(read -> audit.record(app, "user.alerts.read", "user " + userId, read.size() + " alerts"))
                        .map(Optional::of)));
    }

    /** The alerts delivered to the clinic, newest first; {@code before} a cursor (or null) pages back. */
    public Uni<List<ClinicAlert>> ofClinic(Caller clinic, String clinicId, Long before, int limit) {
        return Panache.withTransaction(() -> deliveries.newestOfClinic(clinicId, before, limit)
                .call(read -> audit.record(clinic, "clinic.alerts.read", "clinic " + clinicId,
                        read.isEmpty() ? "0 alerts" : read.size() + " alerts, cursors "
                                + read.get(read.size() - 1).cursor() + ".." + read.get(0).cursor())));
    }

    /**
     * Where a stream of the clinic starts: after {@code lastEventId}, or (when null) after its newest delivery. The
     * subscription is audited.
     */
    public Uni<Long> streamStart(Caller clinic, String clinicId, Long lastEventId) {
        return Panache.withTransaction(() -> (lastEventId == null ? deliveries.lastCursor(clinicId)
                : Uni.createFrom().item(lastEventId))
                .call(cursor -> audit.record(clinic, "clinic.alerts.stream", "clinic " + clinicId,
                        "subscribed after cursor " + cursor)));
    }
}
