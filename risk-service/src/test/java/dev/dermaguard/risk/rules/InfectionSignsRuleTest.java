package dev.dermaguard.risk.rules;

import static dev.dermaguard.risk.rules.RuleFixtures.NOW;
import static dev.dermaguard.risk.rules.RuleFixtures.checkInFacts;
import static dev.dermaguard.risk.rules.RuleFixtures.home;
import static dev.dermaguard.risk.rules.RuleFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.risk.config.RuleConfig;

class InfectionSignsRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final InfectionSignsRule rule = new InfectionSignsRule(config);

    @ParameterizedTest(name = "{1} {0} after a session: {2}")
    @CsvSource({
            "P1D,        PUS,                       CRITICAL",
            "P1D,        FEVER,                     CRITICAL",
            "P1D,        WARMTH SPREADING_REDNESS,  CRITICAL",
            "P1D,        WARMTH,                    NONE",
            "P1D,        SPREADING_REDNESS,         NONE",
            "P1D,        REDNESS SWELLING,          NONE",
            // within 14 days, half-open: exactly 14 days back is outside
            "PT335H59M,  PUS,                       CRITICAL",
            "P14D,       PUS,                       NONE",
            "P15D,       FEVER,                     NONE",
    })
    void firesWithinTheWindow(Duration since, String symptoms, String expected) {
        Symptom[] reported = Arrays.stream(symptoms.split(" ")).map(Symptom::valueOf).toArray(Symptom[]::new);

        Optional<Risk> risk = rule.evaluate(checkInFacts(NOW, Area.CHEEKS,
                Optional.of(home(NOW.minus(since), Area.CHEEKS, "0.5")), reported));

        assertEquals(expected, risk.map(r -> r.severity().name()).orElse("NONE"));
    }

    @Test
    void infectionAfterAClinicSessionIsStillAnInfection() {
        assertEquals("CRITICAL", rule.evaluate(checkInFacts(NOW, Area.CHEEKS,
                Optional.of(session(NOW.minusDays(2), Area.CHEEKS, "1.5", Setting.CLINIC)), Symptom.PUS))
                .orElseThrow().severity().name());
    }

    @Test
    void withoutASessionItIsNotANeedlingRisk() {
        assertEquals(Optional.empty(), rule.evaluate(checkInFacts(NOW, Area.CHEEKS, Optional.empty(), Symptom.PUS)));
    }
}
