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
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.risk.config.RuleConfig;

class TechniqueDamageRuleTest {

    private final RuleConfig config = RuleFixtures.shippedConfig();
    private final TechniqueDamageRule rule = new TechniqueDamageRule(config);

    @ParameterizedTest(name = "{2} {1} after {0} mm: {3}")
    @CsvSource({
            "1.5,  P1D,        TRACK_MARKS, MODERATE",
            "0.25, PT167H59M,  TRACK_MARKS, MODERATE",
            "0.25, P7D,        TRACK_MARKS, NONE",
            "0.5,  P1D,        BLEEDING,    MODERATE",
            "0.25, P2D,        BLEEDING,    MODERATE",
            // bleeding is expected after deeper needling
            "0.51, P1D,        BLEEDING,    NONE",
            "1.0,  P1D,        BLEEDING,    NONE",
            "0.5,  P8D,        BLEEDING,    NONE",
            "0.5,  P1D,        PAIN,        NONE",
    })
    void firesWithinTheWindow(String depth, Duration since, Symptom symptom, String expected) {
        Optional<Risk> risk = rule.evaluate(checkInFacts(NOW, Area.CHEEKS,
                Optional.of(home(NOW.minus(since), Area.CHEEKS, depth)), symptom));

        assertEquals(expected, risk.map(r -> r.severity().name()).orElse("NONE"));
    }

    @Test
    void withoutASessionThereIsNoTechniqueToJudge() {
        assertEquals(Optional.empty(), rule.evaluate(checkInFacts(NOW, Area.CHEEKS, Optional.empty(),
                Symptom.TRACK_MARKS)));
    }
}
