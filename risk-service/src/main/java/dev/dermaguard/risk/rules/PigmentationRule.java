package dev.dermaguard.risk.rules;

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
 * PIGMENTATION: dark patches after needling, the commonest lasting side effect. Its second half, raising other
 * rules for skin types IV to VI, is {@link SkinTypeStepUp}.
 */
@ApplicationScoped
public class PigmentationRule implements CheckInRule {

    private final Duration window;

    public PigmentationRule(RuleConfig config) {
        this.window = config.pigmentation().window();
    }

    @Override
    public Optional<Risk> evaluate(CheckInFacts facts) {
        Optional<PastSession> session = facts.sessionWithin(window);
        if (!facts.reports(Symptom.DARK_PATCHES) || session.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Risk(
                RuleName.PIGMENTATION,
                Severity.HIGH,
                "Dark patches after needling",
                "DARK_PATCHES on " + session.get().area() + " " + Durations.words(facts.sinceSession().orElseThrow())
                        + " after a session; more needling can make them last. Pause until a dermatologist has seen them.",
                new Evidence(List.of(session.get().eventId(), facts.checkIn().eventId()), Symptom.DARK_PATCHES.name(),
                        "within " + window),
                null));
    }
}
