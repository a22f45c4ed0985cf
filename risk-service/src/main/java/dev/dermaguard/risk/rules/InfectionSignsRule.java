package dev.dermaguard.risk.rules;

import java.time.Duration;
import java.util.ArrayList;
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
 * INFECTION_SIGNS: pus, fever, or warmth with spreading redness soon after a session. Always CRITICAL: the user
 * should seek care today.
 */
@ApplicationScoped
public class InfectionSignsRule implements CheckInRule {

    private final Duration window;

    public InfectionSignsRule(RuleConfig config) {
        this.window = config.infectionSigns().window();
    }

    @Override
    public Optional<Risk> evaluate(CheckInFacts facts) {
        List<String> signs = new ArrayList<>(3);
        if (facts.reports(Symptom.PUS)) {
            signs.add(Symptom.PUS.name());
        }
        if (facts.reports(Symptom.FEVER)) {
            signs.add(Symptom.FEVER.name());
        }
        if (facts.reports(Symptom.WARMTH) && facts.reports(Symptom.SPREADING_REDNESS)) {
            signs.add(Symptom.WARMTH + " with " + Symptom.SPREADING_REDNESS);
        }
        Optional<PastSession> session = facts.sessionWithin(window);
        if (signs.isEmpty() || session.isEmpty()) {
            return Optional.empty();
        }
        String observed = String.join(", ", signs);
        Duration since = facts.sinceSession().orElseThrow();
        return Optional.of(new Risk(
                RuleName.INFECTION_SIGNS,
                Severity.CRITICAL,
                "Signs of infection after needling: seek care today",
                observed + " on " + session.get().area() + " " + Durations.words(since)
                        + " after a session; infection shows within " + Durations.words(window) + " of needling.",
                new Evidence(List.of(session.get().eventId(), facts.checkIn().eventId()), observed,
                        "within " + window),
                null));
    }
}
