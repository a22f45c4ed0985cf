package dev.dermaguard.notify.repository;

import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.ConsentChanged;
import dev.dermaguard.persistence.NativeSql;

/**
 * The latest consent of each user for each clinic, in the order consent events were processed, and what a clinic
 * keeps of a user's alerts after a revocation. Every method runs in the current Panache transaction, under the
 * user's lock ({@link KnownUsers#lockAll}) where it changes a consent.
 */
@ApplicationScoped
public class Consents {

    /** A user with a consent standing. */
    public record Consenting(String appId, String userId) {
    }

    private static final String STANDING_FOR_CLINIC = "select app_id, user_id from consent where clinic_id = :clinic "
            + "and granted order by app_id, user_id";

    private static final String CLINICS_OF_USER = "select clinic_id from consent where app_id = ?1 and user_id = ?2 "
            + "and granted order by clinic_id";

    private static final String UPSERT = "insert into consent (app_id, user_id, clinic_id, granted, changed_at, "
            + "event_id) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (app_id, user_id, clinic_id) do update "
            + "set granted = excluded.granted, changed_at = excluded.changed_at, event_id = excluded.event_id, "
            + "processed_at = now()";

    /** An operator's revocation: no app event. */
    private static final String END = "update consent set granted = false, changed_at = now(), event_id = null, "
            + "processed_at = now() where app_id = ?1 and user_id = ?2 and clinic_id = ?3 and granted";

    /**
     * Only a clinic without its row inserts: every alert delivered to the clinic holds the row's lock until its
     * batch commits, and an insert that meets the row, even with {@code on conflict do nothing}, waits for that
     * lock. Consents would trail the alerts they should govern by a batch each. A plain read never waits.
     */
    private static final String ADD_CLINIC = "insert into clinic (clinic_id) select ?1 "
            + "where not exists (select 1 from clinic where clinic_id = ?1) on conflict do nothing";

    private static final String FREEZE = "update clinic_alert ca set occurrences_at_revocation = a.occurrences "
            + "from alert a where a.alert_id = ca.alert_id and a.app_id = ?1 and a.user_id = ?2 and ca.clinic_id = ?3 "
            + "and ca.occurrences_at_revocation is null";

    /** In the order users' locks are taken. */
    public Uni<List<Consenting>> standingFor(String clinicId) {
        return NativeSql.<Object[]>rows(STANDING_FOR_CLINIC, Map.of("clinic", clinicId))
                .map(rows -> rows.stream().map(row -> new Consenting((String) row[0], (String) row[1])).toList());
    }

    /** The clinics the user's consent stands for, in id order. */
    public Uni<List<String>> clinicsOf(String appId, String userId) {
        return NativeSql.list(CLINICS_OF_USER, String.class, appId, userId);
    }

    /** The change as processed now: the latest processed wins. */
    public Uni<Void> change(ConsentChanged c) {
        return NativeSql.update(UPSERT, c.appId(), c.userId(), c.clinicId(), c.granted(), c.changedAt(), c.eventId())
                .replaceWithVoid();
    }

    /** @return whether a consent stood (a revocation the user made meanwhile already ended it) */
    public Uni<Boolean> end(String appId, String userId, String clinicId) {
        return NativeSql.update(END, appId, userId, clinicId).map(ended -> ended > 0);
    }

    /** A clinic granted consent gets its delivery cursor (its topic exists from its onboarding). */
    public Uni<Void> addClinic(String clinicId) {
        return NativeSql.update(ADD_CLINIC, clinicId).replaceWithVoid();
    }

    /**
     * What the clinic was sent about the user stays as it stands now: later firings folded into those alerts
     * ({@code occurrences}) are not the clinic's to see. Alerts already frozen by an earlier revocation stay as they were.
     */
    public Uni<Void> freeze(String appId, String userId, String clinicId) {
        return NativeSql.update(FREEZE, appId, userId, clinicId).replaceWithVoid();
    }
}
