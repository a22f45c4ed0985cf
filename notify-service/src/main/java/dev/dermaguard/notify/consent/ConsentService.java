package dev.dermaguard.notify.consent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.auth.Role;
import dev.dermaguard.common.events.ConsentChanged;
import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.outbox.NativeSql;
import dev.dermaguard.notify.service.KnownUsers;
import dev.dermaguard.outbox.ConsumedEvents;

/**
 * Applies consent changes in the order they are processed (the latest processed wins), idempotently, with their
 * audit entry. An alert raised after a revocation commits is delivered to that clinic no more.
 */
@ApplicationScoped
public class ConsentService {

    private final ConsumedEvents consumed;
    private final AuditLog audit;
    private final KnownUsers users;

    public ConsentService(ConsumedEvents consumed, AuditLog audit, KnownUsers users) {
        this.consumed = consumed;
        this.audit = audit;
        this.users = users;
    }

    /** The clinic's topic must exist before a grant is applied. */
    public Uni<Void> apply(ConsentChanged change) {
        return Panache.withTransaction(() -> consumed.firstDelivery(change.appId(), change.eventId())
                .flatMap(first -> first ? record(change) : Uni.createFrom().voidItem()));
    }

    private Uni<Void> record(ConsentChanged c) {
        Uni<Integer> clinic = c.granted()
                ? NativeSql.update("insert into clinic (clinic_id) values (?1) on conflict do nothing", c.clinicId())
                : Uni.createFrom().item(0);
        return clinic
                .flatMap(done -> NativeSql.update("insert into consent (app_id, user_id, clinic_id, granted, changed_at, "
                                + "event_id) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (app_id, user_id, clinic_id) do update "
                                + "set granted = excluded.granted, changed_at = excluded.changed_at, event_id = excluded.event_id, "
                                + "processed_at = now()",
                        c.appId(), c.userId(), c.clinicId(), c.granted(), c.changedAt(), c.eventId()))
                .flatMap(done -> users.remember(c.appId(), c.userId()))
                .flatMap(done -> audit.record(Role.APP.name().toLowerCase(java.util.Locale.ROOT), c.appId(),
                        c.granted() ? "consent.granted" : "consent.revoked",
                        "user " + c.userId() + " clinic " + c.clinicId(),
                        "event " + c.eventId() + ", changed at " + c.changedAt()));
    }
}
