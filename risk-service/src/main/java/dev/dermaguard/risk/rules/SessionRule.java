package dev.dermaguard.risk.rules;

import java.util.List;

import dev.dermaguard.contract.events.Risk;

/** A rule that judges a newly stored session against the user's history. */
public interface SessionRule {

    List<Risk> evaluate(SessionFacts facts);
}
