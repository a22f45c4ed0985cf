package dev.dermaguard.risk.rules;

import static dev.dermaguard.risk.rules.RuleFixtures.NOW;
import static dev.dermaguard.risk.rules.RuleFixtures.factsFor;
import static dev.dermaguard.risk.rules.RuleFixtures.home;
import static dev.dermaguard.risk.rules.RuleFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.risk.config.RuleConfig;

class HealingGapRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final HealingGapRule rule = new HealingGapRule(new HealingIntervals(config));

    @ParameterizedTest(name = "{0} mm then {1} mm on {2}, {3} apart: {4}")
    @CsvSource({
            // depth tiers at, just under and at half of each interval
            "0.25, 0.25, CHEEKS, PT48H,      NONE",
            "0.25, 0.25, CHEEKS, PT47H59M,   MODERATE",
            "0.25, 0.25, CHEEKS, PT24H,      MODERATE",
            "0.25, 0.25, CHEEKS, PT23H59M,   HIGH",
            "0.5,  0.5,  CHEEKS, P7D,        NONE",
            "0.5,  0.5,  CHEEKS, PT167H59M,  MODERATE",
            "0.5,  0.5,  CHEEKS, PT84H,      MODERATE",
            "0.5,  0.5,  CHEEKS, PT83H59M,   HIGH",
            "0.5,  0.5,  CHEEKS, P1D,        HIGH",
            "1.0,  1.0,  FOREHEAD, P21D,     NONE",
            "1.0,  1.0,  FOREHEAD, P20D,     MODERATE",
            "1.0,  1.0,  FOREHEAD, PT252H,   MODERATE",
            "1.0,  1.0,  FOREHEAD, P10D,     HIGH",
            "1.5,  1.5,  NECK,   P28D,       NONE",
            "1.5,  1.5,  NECK,   P27D,       MODERATE",
            "1.5,  1.5,  NECK,   P13D,       HIGH",
            "2.0,  2.0,  BODY,   P42D,       NONE",
            "2.0,  2.0,  BODY,   P41D,       MODERATE",
            "2.0,  2.0,  BODY,   P20D,       HIGH",
            // just over a tier boundary takes the next tier's interval
            "0.26, 0.26, CHEEKS, P3D,        HIGH",
            // the deeper of the two sessions sets the interval, whichever came first
            "1.0,  0.25, CHEEKS, P10D,       HIGH",
            "0.25, 1.0,  CHEEKS, P11D,       MODERATE",
            // the scalp heals in 7 days above 0.25 mm and up to 1.5 mm
            "1.5,  1.5,  SCALP,  P7D,        NONE",
            "1.5,  1.5,  SCALP,  P6D,        MODERATE",
            "0.25, 0.25, SCALP,  PT47H,      MODERATE",
            "2.0,  2.0,  SCALP,  P41D,       MODERATE",
    })
    void judgesTheGapAgainstTheDeeperSession(String firstDepth, String secondDepth, Area area, Duration gap,
            String expected) {
        SessionLogged first = home(NOW.minus(gap), area, firstDepth);
        SessionLogged second = home(NOW, area, secondDepth);

        List<Risk> risks = rule.evaluate(factsFor(second, List.of(first), config));

        assertEquals(expected, severities(risks));
    }

    @Test
    void theNextSafeSessionIsOneIntervalAfterThePreviousOne() {
        SessionLogged first = home(NOW.minusDays(1), Area.CHEEKS, "0.5");

        Risk risk = rule.evaluate(factsFor(home(NOW, Area.CHEEKS, "0.5"), List.of(first), config)).get(0);

        assertEquals(NOW.minusDays(1).plusDays(7).toInstant(), risk.nextSafeSessionAt());
        assertEquals(List.of(first.eventId()), risk.evidence().eventIds().subList(0, 1));
    }

    @Test
    void otherAreasHaveTheirOwnHealing() {
        SessionLogged cheeks = home(NOW.minusDays(1), Area.CHEEKS, "0.5");

        assertEquals("NONE", severities(rule.evaluate(factsFor(home(NOW, Area.FOREHEAD, "0.5"), List.of(cheeks), config))));
    }

    @Test
    void aClinicSessionIsNotJudgedButAHomeSessionAfterItMustRespectItsDepth() {
        SessionLogged clinic = session(NOW.minusDays(10), Area.CHEEKS, "1.5", Setting.CLINIC);
        SessionLogged clinicAgain = session(NOW.minusDays(9), Area.CHEEKS, "1.5", Setting.CLINIC);

        assertEquals("NONE", severities(rule.evaluate(factsFor(clinicAgain, List.of(clinic), config))));
        assertEquals("HIGH", severities(rule.evaluate(
                factsFor(home(NOW, Area.CHEEKS, "0.25"), List.of(clinic), config))));
    }

    @Test
    void aLateSessionIsCheckedAgainstTheSessionsBeforeAndAfterIt() {
        SessionLogged before = home(NOW.minusDays(10), Area.CHEEKS, "0.5");
        SessionLogged after = home(NOW.minusDays(4), Area.CHEEKS, "0.5");
        SessionLogged late = home(NOW.minusDays(6), Area.CHEEKS, "0.5");

        List<Risk> risks = rule.evaluate(factsFor(late, List.of(before, after), config));

        // 4 days after "before" (MODERATE) and 2 days before "after" (HIGH): both are findings.
        assertEquals("MODERATE,HIGH", severities(risks));
        assertEquals(List.of(late.eventId(), after.eventId()), risks.get(1).evidence().eventIds());
    }

    @Test
    void aLateClinicSessionStillFlagsTheHomeSessionThatCameTooSoonAfterIt() {
        SessionLogged after = home(NOW, Area.CHEEKS, "0.25");
        SessionLogged lateClinic = session(NOW.minusDays(5), Area.CHEEKS, "1.0", Setting.CLINIC);

        assertEquals("HIGH", severities(rule.evaluate(factsFor(lateClinic, List.of(after), config))));
    }

    @Test
    void aFirstSessionHasNothingToBeTooCloseTo() {
        assertEquals("NONE", severities(rule.evaluate(factsFor(home(NOW, Area.CHEEKS, "0.5"), List.of(), config))));
    }

    static String severities(List<Risk> risks) {
        return risks.isEmpty() ? "NONE"
                : String.join(",", risks.stream().map(r -> r.severity().name()).toList());
    }
}
