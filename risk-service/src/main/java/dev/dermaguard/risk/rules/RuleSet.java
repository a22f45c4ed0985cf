package dev.dermaguard.risk.rules;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.dermaguard.common.events.Risk;
import dev.dermaguard.risk.config.RuleConfig;

/** The versioned set of rules that judges each session. */
@ApplicationScoped
public class RuleSet {

    private final List<SessionRule> sessionRules;
    private final String version;

    public RuleSet(Instance<SessionRule> sessionRules, RuleConfig config) {
        this.sessionRules = sessionRules.stream().toList();
        this.version = config.ruleSetVersion();
    }

    public String version() {
        return version;
    }

    public List<Risk> evaluate(SessionFacts facts) {
        return sessionRules.stream().flatMap(rule -> rule.evaluate(facts).stream()).toList();
    }
}
