package dev.dermaguard.notify.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.persistence.NativeSql;

/** The alerts raised ({@link StoredAlert}), as the policy weighs them and as an app reads them. */
@ApplicationScoped
public class Alerts {

    private static final String IN_COOLDOWN = "appId = ?1 and userId = ?2 and rule = ?3 and area = ?4 "
            + "and sourceEventAt > ?5 and sourceEventAt < ?6";

    private static final String OF_USER = "select payload, occurrences from alert where app_id = :app and user_id = :user "
            + "order by created_at desc limit :limit";

    private final EventCodec codec;

    public Alerts(EventCodec codec) {
        this.codec = codec;
    }

    /** The user's alerts of the rule on the area raised for events in {@code (from, to)}, managed by the session. */
    public Uni<List<StoredAlert>> inCooldown(String appId, String userId, RuleName rule, Area area, Instant from,
            Instant to) {
        return StoredAlert.list(IN_COOLDOWN, appId, userId, rule, area, from, to);
    }

    public Uni<Void> add(StoredAlert alert) {
        return alert.persistAndFlush().replaceWithVoid();
    }

    /** Newest first, with the occurrences counted since each was raised. */
    public Uni<List<AlertRaised>> ofUser(String appId, String userId, int limit) {
        return NativeSql.<Object[]>rows(OF_USER, Map.of("app", appId, "user", userId, "limit", limit))
                .map(rows -> rows.stream().map(row -> read(row[0], row[1], null)).toList());
    }

    /** As published, with the occurrences counted since and the clinic it was delivered to (null for a user). */
    AlertRaised read(Object payload, Object occurrences, String clinicId) {
        AlertRaised a = codec.read((String) payload, AlertRaised.class);
        return new AlertRaised(a.alertId(), a.appId(), a.userId(), clinicId, a.rule(), a.severity(), a.area(),
                a.summary(), a.message(), a.detail(), a.evidence(), a.sourceEventId(), a.assessmentId(), a.escalated(),
                ((Number) occurrences).intValue(), a.createdAt(), a.ruleSetVersion());
    }
}
