package dev.dermaguard.risk.rules;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.risk.config.RuleConfig;

/**
 * PROLONGED_INFLAMMATION: redness, swelling, itching or bumps that outlast normal recovery after the last session
 * on the area (the deeper it was, the longer recovery takes). Past the high mark it is HIGH at any depth.
 */
@ApplicationScoped
public class ProlongedInflammationRule implements CheckInRule {

    private static final Set<Symptom> INFLAMMATION = EnumSet.of(Symptom.REDNESS, Symptom.SWELLING, Symptom.ITCHING,
            Symptom.BUMPS);

    private final RuleConfig.ProlongedInflammation config;

    public ProlongedInflammationRule(RuleConfig config) {
        this.config = config.prolongedInflammation();
    }

    @Override
    public Optional<Risk> evaluate(CheckInFacts facts) {
        Set<String> seen = new TreeSet<>();
        INFLAMMATION.stream().filter(facts::reports).forEach(s -> seen.add(s.name()));
        if (seen.isEmpty() || facts.followed().isEmpty()) {
            return Optional.empty();
        }
        PastSession session = facts.followed().get();
        Duration since = facts.sinceSession().orElseThrow();
        Duration recovery = recoveryAfter(session);
        if (since.compareTo(recovery) <= 0) {
            return Optional.empty();
        }
        Severity severity = since.compareTo(config.highAfter()) > 0 ? Severity.HIGH : Severity.MODERATE;
        String observed = String.join(", ", seen);
        return Optional.of(new Risk(
                RuleName.PROLONGED_INFLAMMATION,
                severity,
                "Inflammation lasting longer than normal recovery",
                observed + " on " + session.area() + " " + Durations.words(since) + " after a "
                        + DepthAboveHomeLimitRule.mm(session.needleDepthMm()) + " session; normal recovery takes up to "
                        + Durations.words(recovery) + ".",
                new Evidence(List.of(session.eventId(), facts.checkIn().eventId()), since.toString(),
                        recovery.toString()),
                null));
    }

    private Duration recoveryAfter(PastSession session) {
        if (session.needleDepthMm().compareTo(config.shallowMaxDepthMm()) <= 0) {
            return config.shallowRecovery();
        }
        return session.needleDepthMm().compareTo(config.mediumMaxDepthMm()) <= 0 ? config.mediumRecovery()
                : config.deeperRecovery();
    }
}
