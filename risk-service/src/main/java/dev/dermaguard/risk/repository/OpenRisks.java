package dev.dermaguard.risk.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.persistence.NativeSql;

/**
 * The findings that still stand, per user, area and rule: the state NEEDLING_INFLAMED_SKIN and the risk profile
 * read instead of replaying history. Judged by reported times: an older finding never replaces a newer one, and
 * an all-clear closes only what was raised at or before it.
 */
@ApplicationScoped
public class OpenRisks {

    private static final String UPSERT = """
            insert into open_risk (app_id, user_id, area, rule, severity, source_event_id, source_at, risk)
            values (:app, :user, :area, :rule, :severity, :source, :at, :risk)
            on conflict (app_id, user_id, area, rule) do update
            set severity = excluded.severity, source_event_id = excluded.source_event_id,
                source_at = excluded.source_at, risk = excluded.risk
            where open_risk.source_at <= excluded.source_at""";

    private static final String CLOSE = "delete from open_risk where app_id = :app and user_id = :user"
            + " and area = :area and rule in (:rules) and source_at <= :at";

    /** The findings standing now, straight from the check-in findings. */
    private static final String RESTATE = "insert into open_risk (app_id, user_id, area, rule, severity,"
            + " source_event_id, source_at, risk) select distinct on (rule) app_id, user_id, area, rule,"
            + " cast(risk as jsonb) ->> 'severity', check_in_id, reported_at, risk" + HistoryQueries.STANDING;

    private static final String WITHDRAW = "delete from open_risk where app_id = :app and user_id = :user"
            + " and area = :area and rule = :rule and source_event_id = :source";

    private static final String OF_USER = "select area, risk from open_risk where app_id = :app and user_id = :user"
            + " order by area, rule";

    private final EventCodec codec;

    public OpenRisks(EventCodec codec) {
        this.codec = codec;
    }

    /** A finding that stands on an area. */
    public record OnArea(Area area, Risk risk) {
    }

    /** Keeps each finding as the one standing for its rule on the area; one statement after the other. */
    public Uni<Void> open(SessionRepository.Point p, UUID sourceEventId, List<Risk> risks) {
        return Multi.createFrom().iterable(risks)
                .onItem().transformToUniAndConcatenate(risk -> NativeSql.update(UPSERT, Map.of(
                        "app", p.appId(), "user", p.userId(), "area", p.area().name(), "rule", risk.rule().name(),
                        "severity", risk.severity().name(), "source", sourceEventId, "at", utc(p),
                        "risk", codec.write(risk))))
                .collect().last().replaceWithVoid();
    }

    /** Closes the area's findings of these rules raised at or before the point. */
    public Uni<Void> close(SessionRepository.Point p, Collection<RuleName> rules) {
        if (rules.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return NativeSql.update(CLOSE, Map.of("app", p.appId(), "user", p.userId(), "area", p.area().name(),
                        "rules", rules.stream().map(Enum::name).toList(), "at", utc(p)))
                .replaceWithVoid();
    }

    /**
     * Sets the area's findings of these check-in rules to what the check-ins stand for now, whatever order they
     * arrived in: per rule the latest finding after the area's last all-clear.
     */
    public Uni<Void> restate(SessionRepository.Point now, Collection<RuleName> rules) {
        return close(now, rules).flatMap(closed -> NativeSql.update(RESTATE, Map.of("app", now.appId(),
                "user", now.userId(), "area", now.area().name(), "rules", rules.stream().map(Enum::name).toList(),
                "at", utc(now), "beginning", CheckInRepository.BEGINNING))).replaceWithVoid();
    }

    /** Closes a finding the event no longer makes, if it is the one standing. */
    public Uni<Void> withdraw(SessionRepository.Point p, RuleName rule, UUID sourceEventId) {
        return NativeSql.update(WITHDRAW, Map.of("app", p.appId(), "user", p.userId(), "area", p.area().name(),
                "rule", rule.name(), "source", sourceEventId)).replaceWithVoid();
    }

    public Uni<List<OnArea>> ofUser(String appId, String userId) {
        return NativeSql.<Object[]>rows(OF_USER, Map.of("app", appId, "user", userId))
                .map(rows -> rows.stream()
                        .map(row -> new OnArea(Area.valueOf((String) row[0]), codec.read((String) row[1], Risk.class)))
                        .toList());
    }


    private static OffsetDateTime utc(SessionRepository.Point p) {
        return p.at().toInstant().atOffset(ZoneOffset.UTC);
    }
}
