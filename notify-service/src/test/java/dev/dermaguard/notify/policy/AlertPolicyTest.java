package dev.dermaguard.notify.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.notify.policy.AlertPolicy.FoldInto;
import dev.dermaguard.notify.policy.AlertPolicy.PriorAlert;
import dev.dermaguard.notify.policy.AlertPolicy.Raise;
import dev.dermaguard.notify.policy.AlertPolicy.RecordOnly;

/** The decisions at their edges, where the tests through Kafka would be slow to reach. */
class AlertPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final AlertPolicy policy =
            new AlertPolicy(Duration.ofDays(7), 3, Duration.ofDays(30), Duration.ofDays(30));

    @Test
    void aLateArrivalJustBeforeAStandingAlertIsFoldedIntoIt() {
        PriorAlert standing = new PriorAlert(UUID.randomUUID(), Severity.MODERATE, NOW.minus(Duration.ofDays(1)));
        assertEquals(new FoldInto(standing.alertId()),
                policy.decide(Severity.MODERATE, NOW.minus(Duration.ofDays(3)), NOW, 2, List.of(standing)));
    }

    @Test
    void theMostSevereAlertOfTheCooldownStandsForIt() {
        PriorAlert high = new PriorAlert(UUID.randomUUID(), Severity.HIGH, NOW.minus(Duration.ofDays(3)));
        PriorAlert moderate = new PriorAlert(UUID.randomUUID(), Severity.MODERATE, NOW.minus(Duration.ofDays(1)));
        assertEquals(new FoldInto(high.alertId()),
                policy.decide(Severity.HIGH, NOW, NOW, 2, List.of(moderate, high)));
        assertEquals(new Raise(Severity.CRITICAL, true),
                policy.decide(Severity.CRITICAL, NOW, NOW, 2, List.of(moderate, high)));
    }

    @Test
    void aRepeatIsRaisedOneStepButNeverIntoCritical() {
        assertEquals(new Raise(Severity.HIGH, true), policy.decide(Severity.MODERATE, NOW, NOW, 3, List.of()));
        assertEquals(new Raise(Severity.HIGH, true), policy.decide(Severity.HIGH, NOW, NOW, 4, List.of()));
        assertEquals(new Raise(Severity.MODERATE, false), policy.decide(Severity.MODERATE, NOW, NOW, 2, List.of()));
    }

    @Test
    void anEventOlderThanTheBackfillAgeIsOnlyRecorded() {
        assertEquals(new RecordOnly(),
                policy.decide(Severity.CRITICAL, NOW.minus(Duration.ofDays(30)).minusSeconds(1), NOW, 1, List.of()));
        assertEquals(new Raise(Severity.CRITICAL, false),
                policy.decide(Severity.CRITICAL, NOW.minus(Duration.ofDays(30)), NOW, 1, List.of()));
    }
}
