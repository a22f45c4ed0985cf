package dev.dermaguard.risk.rules;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.risk.config.RuleConfig;

/**
 * DEPTH_ABOVE_HOME_LIMIT: a home session deeper than home devices should go. Needles that reach living skin
 * layers belong in a medical office; under the eyes the skin is thinnest.
 */
@ApplicationScoped
public class DepthAboveHomeLimitRule implements SessionRule {

    private final RuleConfig.DepthAboveHomeLimit config;

    public DepthAboveHomeLimitRule(RuleConfig config) {
        this.config = config.depthAboveHomeLimit();
    }

    @Override
    public List<Risk> evaluate(SessionFacts facts) {
        SessionLogged session = facts.session();
        BigDecimal depth = session.needleDepthMm();
        if (!facts.atHome() || depth.compareTo(config.lowAboveMm()) <= 0) {
            return List.of();
        }
        BigDecimal limit;
        Severity severity;
        if (session.area() == Area.UNDER_EYES && depth.compareTo(config.underEyesHighAboveMm()) > 0) {
            limit = config.underEyesHighAboveMm();
            severity = Severity.HIGH;
        } else if (depth.compareTo(config.highAboveMm()) > 0) {
            limit = config.highAboveMm();
            severity = Severity.HIGH;
        } else if (depth.compareTo(config.moderateAboveMm()) > 0) {
            limit = config.moderateAboveMm();
            severity = Severity.MODERATE;
        } else {
            limit = config.lowAboveMm();
            severity = Severity.LOW;
        }
        return List.of(new Risk(
                RuleName.DEPTH_ABOVE_HOME_LIMIT,
                severity,
                "Needles deeper than is safe at home",
                "A home session on " + session.area() + " at " + mm(depth) + " is deeper than " + mm(limit)
                        + "; needling that deep belongs in a clinic.",
                new Evidence(List.of(session.eventId()), mm(depth), mm(limit)),
                null));
    }

    static String mm(BigDecimal depth) {
        return depth.stripTrailingZeros().toPlainString() + " mm";
    }
}
