package dev.dermaguard.risk.rules;

import java.util.Optional;

import dev.dermaguard.contract.events.Risk;

/** A rule that judges a symptom check-in against the session it follows. */
public interface CheckInRule {

    Optional<Risk> evaluate(CheckInFacts facts);
}
