package dev.dermaguard.risk.rules;

import static dev.dermaguard.risk.rules.HealingGapRuleTest.severities;
import static dev.dermaguard.risk.rules.RuleFixtures.NOW;
import static dev.dermaguard.risk.rules.RuleFixtures.detailed;
import static dev.dermaguard.risk.rules.RuleFixtures.factsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.risk.config.RuleConfig;

class DeviceHygieneRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final DeviceHygieneRule rule = new DeviceHygieneRule(config);

    @ParameterizedTest(name = "uses {0}, disinfected {1}: {2}")
    @CsvSource(nullValues = "absent", value = {
            "14,     true,   NONE",
            "15,     true,   NONE",
            "16,     true,   LOW",
            "1,      false,  MODERATE",
            "16,     false,  MODERATE",
            // absent fields say nothing
            "absent, absent, NONE",
            "15,     absent, NONE",
            "16,     absent, LOW",
            "absent, false,  MODERATE",
    })
    void grades(Integer uses, Boolean disinfected, String expected) {
        assertEquals(expected, severities(rule.evaluate(factsFor(
                detailed(NOW, Area.CHEEKS, "0.25", null, null, uses, disinfected, null), List.of(), config))));
    }

    @Test
    void aClinicDeviceIsTheClinicsCall() {
        SessionLogged clinic = new SessionLogged(UUID.randomUUID(), "app", "user", NOW, Area.CHEEKS,
                new BigDecimal("1.0"), Device.PEN, Setting.CLINIC, null, null, 40, false, null);

        assertEquals("NONE", severities(rule.evaluate(factsFor(clinic, List.of(), config))));
    }
}
