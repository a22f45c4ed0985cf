package dev.dermaguard.risk.rules;

import static dev.dermaguard.risk.rules.HealingGapRuleTest.severities;
import static dev.dermaguard.risk.rules.RuleFixtures.NOW;
import static dev.dermaguard.risk.rules.RuleFixtures.factsFor;
import static dev.dermaguard.risk.rules.RuleFixtures.home;
import static dev.dermaguard.risk.rules.RuleFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.risk.config.RuleConfig;

class OveruseRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final OveruseRule rule = new OveruseRule(new HealingIntervals(config), config);

    @ParameterizedTest(name = "{0} sessions at {1} mm every {2}: {3}")
    @CsvSource({
            // keeping every interval never reaches 30 days of healing in the window
            "15, 0.25, PT48H, NONE",
            "5,  0.5,  P7D,   NONE",
            "2,  1.0,  P21D,  NONE",
            // one session more than the intervals allow: exactly 30 days owed is overuse
            "16, 0.25, PT36H, MODERATE",
            "6,  0.5,  P5D,   MODERATE",
            "3,  1.0,  P10D,  MODERATE",
            // just under 30 days owed
            "5,  0.5,  P5D,   NONE",
            // 60 days owed or more is HIGH
            "4,  1.0,  P9D,   HIGH",
            "9,  0.5,  PT84H, MODERATE",
            "10, 0.5,  PT72H, HIGH",
    })
    void addsUpTheHealingOwedOnOneArea(int count, String depth, Duration every, String expected) {
        List<SessionLogged> history = new ArrayList<>();
        for (int i = count - 1; i >= 1; i--) {
            history.add(home(NOW.minus(every.multipliedBy(i)), Area.CHEEKS, depth));
        }
        List<Risk> risks = onArea(rule.evaluate(factsFor(home(NOW, Area.CHEEKS, depth), history, config)));

        assertEquals(expected, severities(risks));
    }

    @Test
    void theWindowIsHalfOpenSoASessionExactly30DaysBackDoesNotCount() {
        // 1.0 mm: 21 days each. Two earlier sessions owe 42 days, but the one at exactly 30 days is outside.
        List<SessionLogged> history = List.of(home(NOW.minusDays(30), Area.CHEEKS, "1.0"),
                home(NOW.minusDays(29), Area.CHEEKS, "1.0"));

        assertEquals("NONE", severities(onArea(rule.evaluate(factsFor(home(NOW, Area.CHEEKS, "1.0"), history, config)))));
    }

    @Test
    void clinicSessionsCountAsHistoryButAreNotJudged() {
        List<SessionLogged> history = List.of(session(NOW.minusDays(20), Area.CHEEKS, "1.0", Setting.CLINIC),
                session(NOW.minusDays(10), Area.CHEEKS, "1.0", Setting.CLINIC));

        assertEquals("MODERATE", severities(onArea(rule.evaluate(factsFor(home(NOW, Area.CHEEKS, "0.25"), history, config)))));
        assertEquals("NONE", severities(onArea(rule.evaluate(factsFor(
                session(NOW, Area.CHEEKS, "1.0", Setting.CLINIC), history, config)))));
    }

    @Test
    void aLateSessionThatTipsALaterWindowIsOveruse() {
        SessionLogged first = home(NOW.minusDays(20), Area.CHEEKS, "1.0");
        SessionLogged last = home(NOW, Area.CHEEKS, "1.0");
        SessionLogged late = home(NOW.minusDays(10), Area.CHEEKS, "0.5");

        // Alone, "last" owes 21 days; with the late one between, 28 + ... = 21 + 7 = 28 for the late window,
        // and 21 + 7 = 28 for the last one: still fine. A deeper late session tips it.
        assertEquals("NONE", severities(onArea(rule.evaluate(factsFor(late, List.of(first, last), config)))));
        SessionLogged deepLate = home(NOW.minusDays(10), Area.CHEEKS, "1.0");
        assertEquals("MODERATE", severities(onArea(rule.evaluate(factsFor(deepLate, List.of(first, last), config)))));
    }

    @ParameterizedTest(name = "{0} distinct days within 7 days: {1}")
    @CsvSource({"4, NONE", "5, MODERATE"})
    void countsNeedlingDaysAcrossAllAreas(int days, String expected) {
        Area[] areas = {Area.FOREHEAD, Area.CHIN, Area.NECK, Area.HANDS, Area.BODY};
        List<SessionLogged> history = new ArrayList<>();
        for (int i = days - 1; i >= 1; i--) {
            history.add(home(NOW.minusDays(i), areas[i], "0.25"));
        }
        List<Risk> risks = acrossAreas(rule.evaluate(factsFor(home(NOW, Area.CHEEKS, "0.25"), history, config)));

        assertEquals(expected, severities(risks));
    }

    @Test
    void twoSessionsOnOneDayAreOneNeedlingDayInTheUsersOwnTimeZone() {
        // 23:30 and 00:30 UTC are one evening at UTC-05:00: four days in the user's time, five in UTC.
        OffsetDateTime evening = OffsetDateTime.parse("2026-11-20T18:30:00-05:00");
        List<SessionLogged> history = new ArrayList<>();
        for (int i = 3; i >= 1; i--) {
            history.add(home(evening.minusDays(i), Area.FOREHEAD, "0.25"));
        }
        history.add(home(evening, Area.CHIN, "0.25"));
        SessionLogged sameEvening = home(evening.plusHours(1), Area.NECK, "0.25");

        assertEquals("NONE", severities(acrossAreas(rule.evaluate(factsFor(sameEvening, history, config)))));
    }

    private static List<Risk> onArea(List<Risk> risks) {
        return risks.stream().filter(r -> r.detail().contains("healing")).toList();
    }

    private static List<Risk> acrossAreas(List<Risk> risks) {
        return risks.stream().filter(r -> r.detail().contains("different days")).toList();
    }
}
