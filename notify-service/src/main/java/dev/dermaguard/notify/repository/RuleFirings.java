package dev.dermaguard.notify.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.persistence.NativeSql;

/**
 * Every alerting finding as the policy counted it. Every method runs in the current Panache transaction, under the
 * lock of the finding's user ({@link KnownUsers#lockAll}), so no two decisions on one user interleave.
 */
@ApplicationScoped
public class RuleFirings {

    private static final String KEY = "app_id = ?1 and user_id = ?2 and rule = ?3 and area = ?4";

    private static final String COUNTED = "select severity from rule_firing where " + KEY + " and source_event_id = ?5";

    private static final String IN_WINDOW = "select count(*) from rule_firing where " + KEY
            + " and source_event_at > ?5 and source_event_at <= ?6";

    private static final String RECORD = "insert into rule_firing (app_id, user_id, rule, area, severity, "
            + "source_event_at, assessment_id, outcome, source_event_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

    /** The severities already counted for the assessment's source event, by the same rule on the same area. */
    public Uni<List<Severity>> countedFor(RiskAssessed a, Risk firing) {
        return NativeSql.list(COUNTED, String.class, a.appId(), a.userId(), firing.rule().name(), a.area().name(),
                a.sourceEventId()).map(severities -> severities.stream().map(Severity::valueOf).toList());
    }

    /** The firings of the rule on the area for events in {@code (from, to]}. */
    public Uni<Long> inWindow(RiskAssessed a, Risk firing, Instant from, Instant to) {
        return NativeSql.list(IN_WINDOW, Long.class, a.appId(), a.userId(), firing.rule().name(), a.area().name(),
                from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)).map(counts -> counts.get(0));
    }

    /** @param outcome what the policy decided, by the name of its decision */
    public Uni<Void> record(RiskAssessed a, Risk firing, String outcome) {
        return NativeSql.update(RECORD, a.appId(), a.userId(), firing.rule().name(), a.area().name(),
                firing.severity().name(), a.sourceEventAt(), a.assessmentId(), outcome, a.sourceEventId())
                .replaceWithVoid();
    }
}
