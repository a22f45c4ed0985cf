package dev.dermaguard.risk.rules;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.risk.config.RuleConfig;

/**
 * DEVICE_HYGIENE: an undisinfected device carries germs into the skin (MODERATE); one used past its limit is
 * dull and tears the skin (LOW). Absent fields say nothing, so they never fire.
 */
@ApplicationScoped
public class DeviceHygieneRule implements SessionRule {

    private final RuleConfig.DeviceHygiene config;

    public DeviceHygieneRule(RuleConfig config) {
        this.config = config.deviceHygiene();
    }

    @Override
    public List<Risk> evaluate(SessionFacts facts) {
        SessionLogged session = facts.session();
        boolean notDisinfected = Boolean.FALSE.equals(session.deviceDisinfected());
        boolean wornOut = session.deviceUses() != null && session.deviceUses() > config.maxUses();
        if (!facts.atHome() || !notDisinfected && !wornOut) {
            return List.of();
        }
        List<String> observed = new ArrayList<>(2);
        List<String> threshold = new ArrayList<>(2);
        if (notDisinfected) {
            observed.add("not disinfected");
            threshold.add("disinfected before every session");
        }
        if (wornOut) {
            observed.add(session.deviceUses() + " uses");
            threshold.add("at most " + config.maxUses() + " uses");
        }
        return List.of(new Risk(
                RuleName.DEVICE_HYGIENE,
                notDisinfected ? Severity.MODERATE : Severity.LOW,
                notDisinfected ? "Device not disinfected before needling" : "Device used past its safe number of uses",
                "The device used on " + session.area() + " was " + String.join(" and ", observed) + " (expected "
                        + String.join(", ", threshold) + "); dirty or dull needles carry germs and tear the skin.",
                new Evidence(List.of(session.eventId()), String.join(", ", observed), String.join(", ", threshold)),
                null));
    }
}
