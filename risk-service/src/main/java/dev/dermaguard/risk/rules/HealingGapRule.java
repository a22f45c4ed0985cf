package dev.dermaguard.risk.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;

/**
 * HEALING_GAP: a home session on an area before the skin healed from the previous one. A session that arrives
 * late is also checked as the previous one of the session after it.
 */
@ApplicationScoped
public class HealingGapRule implements SessionRule {

    private final HealingIntervals intervals;

    public HealingGapRule(HealingIntervals intervals) {
        this.intervals = intervals;
    }

    @Override
    public List<Risk> evaluate(SessionFacts facts) {
        PastSession session = facts.asPast();
        List<Risk> risks = new ArrayList<>(2);
        // A clinic session is judged by the clinic, but a home session after it must respect it.
        if (session.atHome()) {
            facts.previousOnArea().ifPresent(previous -> check(previous, session).ifPresent(risks::add));
        }
        facts.nextOnArea().filter(PastSession::atHome)
                .ifPresent(next -> check(session, next).ifPresent(risks::add));
        return risks;
    }

    private java.util.Optional<Risk> check(PastSession earlier, PastSession later) {
        Duration interval = intervals.between(earlier, later);
        Duration gap = Duration.between(earlier.performedAt(), later.performedAt());
        if (gap.compareTo(interval) >= 0) {
            return java.util.Optional.empty();
        }
        // Exactly half the interval is still MODERATE: HIGH only when less than half has passed.
        Severity severity = gap.multipliedBy(2).compareTo(interval) < 0 ? Severity.HIGH : Severity.MODERATE;
        String depth = earlier.needleDepthMm().max(later.needleDepthMm()).stripTrailingZeros().toPlainString();
        return java.util.Optional.of(new Risk(
                RuleName.HEALING_GAP,
                severity,
                "Needled again before the skin healed",
                "A session on " + later.area() + " came " + Durations.words(gap) + " after the previous one; at "
                        + depth + " mm the skin needs " + Durations.words(interval) + " to heal.",
                new Evidence(List.of(earlier.eventId(), later.eventId()), gap.toString(), interval.toString()),
                earlier.performedAt().toInstant().plus(interval)));
    }
}
