package dev.dermaguard.risk.rules;

import static dev.dermaguard.risk.rules.HealingGapRuleTest.severities;
import static dev.dermaguard.risk.rules.RuleFixtures.NOW;
import static dev.dermaguard.risk.rules.RuleFixtures.factsFor;
import static dev.dermaguard.risk.rules.RuleFixtures.home;
import static dev.dermaguard.risk.rules.RuleFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.risk.config.RuleConfig;

class DepthAboveHomeLimitRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final DepthAboveHomeLimitRule rule = new DepthAboveHomeLimitRule(config);

    @ParameterizedTest(name = "{0} mm on {1}: {2}")
    @CsvSource({
            "0.2,  CHEEKS,     NONE",
            "0.25, CHEEKS,     NONE",
            "0.26, CHEEKS,     LOW",
            "0.5,  CHEEKS,     LOW",
            "0.51, CHEEKS,     MODERATE",
            "1.0,  CHEEKS,     MODERATE",
            "1.01, CHEEKS,     HIGH",
            "2.5,  BODY,       HIGH",
            // under the eyes the skin is thinner: HIGH just past 0.3 mm
            "0.25, UNDER_EYES, NONE",
            "0.3,  UNDER_EYES, LOW",
            "0.31, UNDER_EYES, HIGH",
    })
    void grades(String depth, Area area, String expected) {
        assertEquals(expected, severities(rule.evaluate(factsFor(home(NOW, area, depth), List.of(), config))));
    }

    @Test
    void aClinicSessionIsNeverTooDeep() {
        assertEquals("NONE", severities(rule.evaluate(factsFor(session(NOW, Area.CHEEKS, "2.0", Setting.CLINIC),
                List.of(), config))));
    }

    @Test
    void explainsWhatWasObservedAgainstWhichLimit() {
        Risk risk = rule.evaluate(factsFor(home(NOW, Area.CHEEKS, "0.75"), List.of(), config)).get(0);

        assertEquals("0.75 mm", risk.evidence().observed());
        assertEquals("0.5 mm", risk.evidence().threshold());
        assertEquals(true, risk.summary().length() <= 140);
    }
}
