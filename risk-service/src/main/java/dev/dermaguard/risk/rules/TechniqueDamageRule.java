package dev.dermaguard.risk.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.risk.config.RuleConfig;

/**
 * TECHNIQUE_DAMAGE: track marks, or bleeding after a shallow session, mean too much pressure or the wrong
 * movement; done again, they leave tram-track scars.
 */
@ApplicationScoped
public class TechniqueDamageRule implements CheckInRule {

    private final Duration window;
    private final BigDecimal bleedingMaxDepthMm;

    public TechniqueDamageRule(RuleConfig config) {
        this.window = config.techniqueDamage().window();
        this.bleedingMaxDepthMm = config.techniqueDamage().bleedingMaxDepthMm();
    }

    @Override
    public Optional<Risk> evaluate(CheckInFacts facts) {
        Optional<PastSession> session = facts.sessionWithin(window);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        boolean shallow = session.get().needleDepthMm().compareTo(bleedingMaxDepthMm) <= 0;
        String observed;
        String threshold;
        if (facts.reports(Symptom.TRACK_MARKS)) {
            observed = Symptom.TRACK_MARKS.name();
            threshold = "no track marks";
        } else if (facts.reports(Symptom.BLEEDING) && shallow) {
            observed = Symptom.BLEEDING + " after " + DepthAboveHomeLimitRule.mm(session.get().needleDepthMm());
            threshold = "no bleeding at " + DepthAboveHomeLimitRule.mm(bleedingMaxDepthMm) + " or less";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Risk(
                RuleName.TECHNIQUE_DAMAGE,
                Severity.MODERATE,
                "Signs of too much pressure or the wrong movement",
                observed + " on " + session.get().area() + " " + Durations.words(facts.sinceSession().orElseThrow())
                        + " after a session; pressing too hard or dragging the device leaves lasting scars.",
                new Evidence(List.of(session.get().eventId(), facts.checkIn().eventId()), observed, threshold),
                null));
    }
}
