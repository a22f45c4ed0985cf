package dev.dermaguard.risk.rules;

import static dev.dermaguard.risk.rules.HealingGapRuleTest.severities;
import static dev.dermaguard.risk.rules.RuleFixtures.NOW;
import static dev.dermaguard.risk.rules.RuleFixtures.detailed;
import static dev.dermaguard.risk.rules.RuleFixtures.factsFor;
import static dev.dermaguard.risk.rules.RuleFixtures.home;
import static dev.dermaguard.risk.rules.RuleFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.contract.events.SkinCondition;
import dev.dermaguard.risk.config.RuleConfig;

class NeedlingInflamedSkinRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final NeedlingInflamedSkinRule rule = new NeedlingInflamedSkinRule();

    @ParameterizedTest(name = "skin before: {0}")
    @CsvSource({"REDNESS", "SWELLING", "CRUSTING", "ACTIVE_ACNE", "OPEN_WOUND", "COLD_SORE"})
    void anySignBeforeTheSessionIsHigh(SkinCondition sign) {
        assertEquals("HIGH", severities(rule.evaluate(factsFor(
                detailed(NOW, Area.CHEEKS, "0.25", null, Set.of(sign), null, null, null), List.of(), config))));
    }

    @ParameterizedTest(name = "open on the area: {0} -> {1}")
    @CsvSource({"PROLONGED_INFLAMMATION, HIGH", "INFECTION_SIGNS, HIGH", "PIGMENTATION, NONE",
            "TECHNIQUE_DAMAGE, NONE"})
    void anOpenInflammationOrInfectionOnTheAreaIsUnhealedSkin(RuleName open, String expected) {
        assertEquals(expected, severities(rule.evaluate(factsFor(home(NOW, Area.CHEEKS, "0.25"), List.of(),
                Set.of(open), config))));
    }

    @Test
    void healedSkinAndAbsentOrEmptySymptomsDoNotFire() {
        assertEquals("NONE", severities(rule.evaluate(factsFor(home(NOW, Area.CHEEKS, "0.25"), List.of(), config))));
        assertEquals("NONE", severities(rule.evaluate(factsFor(
                detailed(NOW, Area.CHEEKS, "0.25", null, Set.of(), null, null, null), List.of(), config))));
    }

    @Test
    void aClinicSessionIsTheClinicsCall() {
        assertEquals("NONE", severities(rule.evaluate(factsFor(session(NOW, Area.CHEEKS, "1.0", Setting.CLINIC),
                List.of(), Set.of(RuleName.INFECTION_SIGNS), config))));
    }
}
