package dev.dermaguard.risk.rules;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Goal;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.risk.config.RuleConfig;

/**
 * INEFFECTIVE_FOR_GOAL: acne scars need professional depths; after enough shallow home sessions the user is
 * better served by a dermatologist than by more of the same. The count is capped at the threshold
 * ({@link SessionFacts#shallowHomeSessions()}), so it costs the same after 6 sessions as after 100,000.
 */
@ApplicationScoped
public class IneffectiveForGoalRule implements SessionRule {

    private final RuleConfig.IneffectiveForGoal config;

    public IneffectiveForGoalRule(RuleConfig config) {
        this.config = config.ineffectiveForGoal();
    }

    @Override
    public List<Risk> evaluate(SessionFacts facts) {
        SessionLogged session = facts.session();
        if (!facts.atHome() || session.goal() != Goal.ACNE_SCARS || facts.shallowHomeSessions() < config.minSessions()) {
            return List.of();
        }
        String depth = DepthAboveHomeLimitRule.mm(config.maxDepthMm());
        return List.of(new Risk(
                RuleName.INEFFECTIVE_FOR_GOAL,
                Severity.LOW,
                "Home needling is unlikely to treat acne scars",
                "At least " + config.minSessions() + " home sessions at " + depth + " or less; acne scars need depths "
                        + "that only a clinic should use. A dermatologist can suggest what works.",
                new Evidence(List.of(session.eventId()), "at least " + facts.shallowHomeSessions() + " sessions",
                        config.minSessions() + " sessions at " + depth + " or less"),
                null));
    }
}
