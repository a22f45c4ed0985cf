package dev.dermaguard.risk.rules;

import static dev.dermaguard.risk.rules.HealingGapRuleTest.severities;
import static dev.dermaguard.risk.rules.RuleFixtures.NOW;
import static dev.dermaguard.risk.rules.RuleFixtures.checkInFacts;
import static dev.dermaguard.risk.rules.RuleFixtures.detailed;
import static dev.dermaguard.risk.rules.RuleFixtures.factsFor;
import static dev.dermaguard.risk.rules.RuleFixtures.home;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Goal;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.SkinCondition;
import dev.dermaguard.contract.events.SkinType;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.risk.config.RuleConfig;

/** PIGMENTATION itself, and its skin-type step-up of other rules as the rule set applies it. */
class PigmentationRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final PigmentationRule rule = new PigmentationRule(config);
    private final HealingIntervals intervals = new HealingIntervals(config);
    private final RuleSet ruleSet = new RuleSet(
            List.of(new HealingGapRule(intervals), new OveruseRule(intervals, config),
                    new DepthAboveHomeLimitRule(config), new NeedlingInflamedSkinRule(), new DeviceHygieneRule(config),
                    new IneffectiveForGoalRule(config)),
            List.of(new ProlongedInflammationRule(config), new InfectionSignsRule(config), rule,
                    new TechniqueDamageRule(config)),
            "1");

    @ParameterizedTest(name = "dark patches {0} after a session: {1}")
    @CsvSource({"P1D, HIGH", "PT1439H59M, HIGH", "P60D, NONE", "P90D, NONE"})
    void darkPatchesWithinTheWindowAreHigh(Duration since, String expected) {
        Optional<Risk> risk = rule.evaluate(checkInFacts(NOW, Area.CHEEKS,
                Optional.of(home(NOW.minus(since), Area.CHEEKS, "0.5")), Symptom.DARK_PATCHES));

        assertEquals(expected, risk.map(r -> r.severity().name()).orElse("NONE"));
    }

    @ParameterizedTest(name = "skin type {0}: a 0.75 mm home session is {1}")
    @CsvSource({"I, MODERATE", "III, MODERATE", "IV, HIGH", "V, HIGH", "VI, HIGH"})
    void darkerSkinRaisesDepthOneStep(SkinType skinType, String expected) {
        SessionLogged session = detailed(NOW, Area.CHEEKS, "0.75", skinType, null, null, null, null);

        assertEquals(expected, severities(ruleSet.evaluate(factsFor(session, List.of(), config))));
    }

    @Test
    void theStepUpStopsAtHighAndLeavesOtherRulesAlone() {
        SessionLogged previous = home(NOW.minusDays(1), Area.CHEEKS, "0.5");
        SessionLogged session = detailed(NOW, Area.CHEEKS, "1.5", SkinType.V, Set.of(SkinCondition.REDNESS), 20, true,
                Goal.ACNE_SCARS);

        List<Risk> risks = ruleSet.evaluate(factsFor(session, List.of(previous), config));

        assertEquals("HIGH", severityOf(risks, RuleName.HEALING_GAP));
        assertEquals("HIGH", severityOf(risks, RuleName.DEPTH_ABOVE_HOME_LIMIT));
        assertEquals("LOW", severityOf(risks, RuleName.DEVICE_HYGIENE));
        assertEquals("HIGH", severityOf(risks, RuleName.NEEDLING_INFLAMED_SKIN));
    }

    @Test
    void withoutItsOwnSkinTypeASessionTakesTheLatestTheUserReported() {
        SessionLogged earlier = detailed(NOW.minusDays(40), Area.FOREHEAD, "0.25", SkinType.IV, null, null, null,
                null);

        assertEquals("MODERATE", severities(ruleSet.evaluate(factsFor(home(NOW, Area.CHEEKS, "0.3"),
                List.of(earlier), config))));
        assertEquals("LOW", severities(ruleSet.evaluate(factsFor(
                detailed(NOW, Area.CHEEKS, "0.3", SkinType.II, null, null, null, null), List.of(earlier), config))));
        assertEquals("LOW", severities(ruleSet.evaluate(factsFor(home(NOW, Area.CHEEKS, "0.3"), List.of(), config))));
    }

    @Test
    void prolongedInflammationIsRaisedForDarkerSkinButInfectionStaysCritical() {
        SessionLogged session = detailed(NOW.minusDays(4), Area.CHEEKS, "0.5", SkinType.VI, null, null, null, null);

        List<Risk> risks = ruleSet.evaluate(checkInFacts(NOW, Area.CHEEKS, Optional.of(session), Symptom.REDNESS,
                Symptom.PUS, Symptom.DARK_PATCHES));

        assertEquals("HIGH", severityOf(risks, RuleName.PROLONGED_INFLAMMATION));
        assertEquals("CRITICAL", severityOf(risks, RuleName.INFECTION_SIGNS));
        assertEquals("HIGH", severityOf(risks, RuleName.PIGMENTATION));
        assertTrue(risks.stream().filter(r -> r.rule() == RuleName.PROLONGED_INFLAMMATION).findFirst().orElseThrow()
                .detail().contains("skin type VI"));
    }

    private static String severityOf(List<Risk> risks, RuleName rule) {
        return risks.stream().filter(r -> r.rule() == rule).map(r -> r.severity().name()).findFirst().orElse("NONE");
    }
}
