package dev.dermaguard.risk.rules;

import static dev.dermaguard.risk.rules.RuleFixtures.NOW;
import static dev.dermaguard.risk.rules.RuleFixtures.checkInFacts;
import static dev.dermaguard.risk.rules.RuleFixtures.home;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.risk.config.RuleConfig;

class ProlongedInflammationRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final ProlongedInflammationRule rule = new ProlongedInflammationRule(config);

    @ParameterizedTest(name = "{1} {2} after {0} mm: {3}")
    @CsvSource({
            "0.5,  PT72H,     REDNESS,  NONE",
            "0.5,  PT72H1M,   REDNESS,  MODERATE",
            "0.25, PT71H,     SWELLING, NONE",
            "0.5,  P4D,       ITCHING,  MODERATE",
            "0.5,  P7D,       BUMPS,    MODERATE",
            "0.5,  PT168H1M,  REDNESS,  HIGH",
            "1.5,  P5D,       REDNESS,  NONE",
            "1.5,  PT120H1M,  REDNESS,  MODERATE",
            "0.51, P4D,       REDNESS,  NONE",
            "2.0,  P7D,       REDNESS,  NONE",
            // after the deepest sessions it is HIGH at once
            "2.0,  PT168H1M,  REDNESS,  HIGH",
            // other symptoms are not inflammation
            "0.5,  P10D,      PAIN,     NONE",
    })
    void comparesWithNormalRecovery(String depth, Duration since, Symptom symptom, String expected) {
        SessionLogged session = home(NOW.minus(since), Area.CHEEKS, depth);

        Optional<Risk> risk = rule.evaluate(checkInFacts(NOW, Area.CHEEKS, Optional.of(session), symptom));

        assertEquals(expected, risk.map(r -> r.severity().name()).orElse("NONE"));
    }

    @Test
    void withoutASessionOnTheAreaThereIsNothingToRecoverFrom() {
        assertEquals(Optional.empty(), rule.evaluate(checkInFacts(NOW, Area.CHEEKS, Optional.empty(),
                Symptom.REDNESS)));
    }

    @Test
    void anAllClearCheckInFindsNothing() {
        assertEquals(Optional.empty(), rule.evaluate(checkInFacts(NOW, Area.CHEEKS,
                Optional.of(home(NOW.minusDays(20), Area.CHEEKS, "0.5")))));
    }
}
