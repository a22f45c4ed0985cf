package dev.dermaguard.risk.rules;

import static dev.dermaguard.risk.rules.HealingGapRuleTest.severities;
import static dev.dermaguard.risk.rules.RuleFixtures.NOW;
import static dev.dermaguard.risk.rules.RuleFixtures.detailed;
import static dev.dermaguard.risk.rules.RuleFixtures.factsFor;
import static dev.dermaguard.risk.rules.RuleFixtures.home;
import static dev.dermaguard.risk.rules.RuleFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Goal;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.risk.config.RuleConfig;

class IneffectiveForGoalRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final IneffectiveForGoalRule rule = new IneffectiveForGoalRule(config);

    @ParameterizedTest(name = "{0} earlier shallow home sessions, then one at {1} mm for {2}: {3}")
    @CsvSource(nullValues = "absent", value = {
            "4, 0.25, ACNE_SCARS,  NONE",
            "5, 0.25, ACNE_SCARS,  LOW",
            "9, 0.25, ACNE_SCARS,  LOW",
            // the judged session counts only when it is shallow itself
            "5, 0.5,  ACNE_SCARS,  NONE",
            "6, 0.5,  ACNE_SCARS,  LOW",
            "9, 0.25, FINE_LINES,  NONE",
            "9, 0.25, absent,      NONE",
    })
    void countsShallowHomeSessions(int earlier, String depth, Goal goal, String expected) {
        List<SessionLogged> history = new ArrayList<>();
        for (int i = earlier; i >= 1; i--) {
            history.add(home(NOW.minusDays(3L * i), Area.CHEEKS, "0.25"));
        }
        SessionLogged judged = detailed(NOW, Area.CHEEKS, depth, null, null, null, null, goal);

        assertEquals(expected, severities(rule.evaluate(factsFor(judged, history, config))));
    }

    @Test
    void clinicSessionsAndDeeperHomeSessionsDoNotCount() {
        List<SessionLogged> history = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            history.add(home(NOW.minusDays(3L * i), Area.CHEEKS, "0.25"));
            history.add(session(NOW.minusDays(3L * i + 1), Area.CHEEKS, "0.25", Setting.CLINIC));
            history.add(home(NOW.minusDays(3L * i + 2), Area.FOREHEAD, "0.3"));
        }
        SessionLogged judged = detailed(NOW, Area.CHEEKS, "0.25", null, null, null, null, Goal.ACNE_SCARS);

        assertEquals("NONE", severities(rule.evaluate(factsFor(judged, history, config))));
    }

    @Test
    void aLateSessionCountsOnlyTheSessionsBeforeIt() {
        List<SessionLogged> history = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            history.add(home(NOW.plusDays(i), Area.CHEEKS, "0.25"));
        }
        SessionLogged late = detailed(NOW, Area.CHEEKS, "0.25", null, null, null, null, Goal.ACNE_SCARS);

        assertEquals("NONE", severities(rule.evaluate(factsFor(late, history, config))));
    }
}
