package dev.dermaguard.risk.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.risk.config.RuleConfig;

/** The versioned set of rules that judges each session and check-in, with the skin-type step-up applied. */
@ApplicationScoped
public class RuleSet {

    private final List<SessionRule> sessionRules;
    private final List<CheckInRule> checkInRules;
    private final String version;

    @Inject
    public RuleSet(Instance<SessionRule> sessionRules, Instance<CheckInRule> checkInRules, RuleConfig config) {
        this(sessionRules.stream().toList(), checkInRules.stream().toList(), config.ruleSetVersion());
    }

    RuleSet(List<SessionRule> sessionRules, List<CheckInRule> checkInRules, String version) {
        this.sessionRules = sessionRules;
        this.checkInRules = checkInRules;
        this.version = version;
    }

    public String version() {
        return version;
    }

    public List<Risk> evaluate(SessionFacts facts) {
        return mostUrgentFirst(SkinTypeStepUp.apply(
                sessionRules.stream().flatMap(rule -> rule.evaluate(facts).stream()).toList(), facts.skinType()));
    }

    public List<Risk> evaluate(CheckInFacts facts) {
        return mostUrgentFirst(SkinTypeStepUp.apply(
                checkInRules.stream().map(rule -> rule.evaluate(facts)).flatMap(Optional::stream).toList(),
                facts.skinType()));
    }

    /** A stable order for readers: the most urgent finding first, then the rule set's order. */
    private static List<Risk> mostUrgentFirst(List<Risk> risks) {
        return risks.stream().sorted(Comparator.comparing(Risk::severity).reversed()
                .thenComparing(Risk::rule)).toList();
    }
}
