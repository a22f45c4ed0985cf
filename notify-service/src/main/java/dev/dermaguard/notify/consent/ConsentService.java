package dev.dermaguard.notify.consent;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.auth.ApiKeys;
import dev.dermaguard.common.auth.Caller;
import dev.dermaguard.common.auth.Role;
import dev.dermaguard.common.events.ConsentChanged;
import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.notify.service.KnownUsers;
import dev.dermaguard.outbox.ConsumedEvents;
import dev.dermaguard.outbox.NativeSql;

/**
 * Applies consent changes in the order they are processed (the latest processed wins), idempotently, with their
 * audit entry, under the user's lock that alert decisions take too: an alert raised after a revocation commits is
 * delivered to that clinic no more, and one decided before it was delivered under the consent that stood.
 */
@ApplicationScoped
public class ConsentService {

    private static final String APP = Role.APP.name().toLowerCase(Locale.ROOT);

    private final ConsumedEvents consumed;
    private final AuditLog audit;
    private final KnownUsers users;
    private final ApiKeys keys;

    public ConsentService(ConsumedEvents consumed, AuditLog audit, KnownUsers users, ApiKeys keys) {
        this.consumed = consumed;
        this.audit = audit;
        this.users = users;
        this.keys = keys;
    }

    public Uni<Void> apply(ConsentChanged change) {
        return Panache.withTransaction(() -> consumed.firstDelivery(change.appId(), change.eventId())
                .flatMap(first -> first ? record(change) : Uni.createFrom().voidItem()));
    }

    /**
     * Ends every consent still standing for the clinic, each a revocation audited as the operator's, in the current
     * Panache transaction; users are locked in one order, so this never deadlocks with alert decisions.
     *
     * @return the consents ended
     */
    public Uni<Integer> endAll(String clinicId, Caller operator) {
        Uni<List<Object[]>> standing = NativeSql.rows("select app_id, user_id from consent where clinic_id = :clinic "
                + "and granted order by app_id, user_id", Map.of("clinic", clinicId));
        return standing.flatMap(consents -> {
            Uni<Integer> ended = Uni.createFrom().item(0);
            for (Object[] consent : consents) {
                String appId = (String) consent[0];
                String userId = (String) consent[1];
                ended = ended.flatMap(count -> users.lock(appId, userId)
                        .flatMap(locked -> NativeSql.update("update consent set granted = false, changed_at = now(), "
                                + "event_id = null, processed_at = now() where app_id = ?1 and user_id = ?2 "
                                + "and clinic_id = ?3 and granted", appId, userId, clinicId))
                        // A revocation the user made meanwhile already ended it.
                        .flatMap(revoked -> revoked == 0 ? Uni.createFrom().item(count)
                                : freeze(appId, userId, clinicId)
                                        .flatMap(frozen -> audit.record(operator.role().name().toLowerCase(Locale.ROOT),
                                                operator.principalId(), "consent.revoked", subject(userId, clinicId),
                                                "app " + appId + ", clinic offboarded"))
                                        .replaceWith(count + 1)));
            }
            return ended;
        });
    }

    private Uni<Void> record(ConsentChanged c) {
        String subject = subject(c.userId(), c.clinicId());
        if (!keys.clinicIds().contains(c.clinicId())) {
            // Intake refuses these; one that arrives anyway (a replay, an older intake) is recorded and changes nothing.
            return audit.record(APP, c.appId(), "consent.unknown-clinic", subject,
                    "event " + c.eventId() + ", not a clinic of this deployment: nothing is delivered");
        }
        return users.lock(c.appId(), c.userId())
                .flatMap(locked -> c.granted()
                        ? NativeSql.update("insert into clinic (clinic_id) values (?1) on conflict do nothing", c.clinicId())
                        : freeze(c.appId(), c.userId(), c.clinicId()).replaceWith(0))
                .flatMap(done -> NativeSql.update("insert into consent (app_id, user_id, clinic_id, granted, changed_at, "
                                + "event_id) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (app_id, user_id, clinic_id) do update "
                                + "set granted = excluded.granted, changed_at = excluded.changed_at, event_id = excluded.event_id, "
                                + "processed_at = now()",
                        c.appId(), c.userId(), c.clinicId(), c.granted(), c.changedAt(), c.eventId()))
                .flatMap(done -> audit.record(APP, c.appId(), c.granted() ? "consent.granted" : "consent.revoked",
                        subject, "event " + c.eventId() + ", changed at " + c.changedAt()));
    }

    /**
     * What the clinic was sent about the user stays as it stands now: later firings folded into those alerts
     * ({@code occurrences}) are not the clinic's to see. Alerts already frozen by an earlier revocation stay as they were.
     */
    private static Uni<Integer> freeze(String appId, String userId, String clinicId) {
        return NativeSql.update("update clinic_alert ca set occurrences_at_revocation = a.occurrences from alert a "
                + "where a.alert_id = ca.alert_id and a.app_id = ?1 and a.user_id = ?2 and ca.clinic_id = ?3 "
                + "and ca.occurrences_at_revocation is null", appId, userId, clinicId);
    }

    private static String subject(String userId, String clinicId) {
        return "user " + userId + " clinic " + clinicId;
    }
}
