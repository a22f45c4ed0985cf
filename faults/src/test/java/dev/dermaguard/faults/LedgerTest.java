package dev.dermaguard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final Ledger.Plan PLAN = new Ledger.Plan(3, Set.of("app/e1", "app/e2", "app/e3"),
            Set.of("app/u1/HEALING_GAP/CHEEKS", "app/u2/HEALING_GAP/CHEEKS"), 0);
    private static final List<Ledger.Assessment> ALL_ASSESSED = List.of(
            new Ledger.Assessment("a1", "app/e1"), new Ledger.Assessment("a2", "app/e2"),
            new Ledger.Assessment("a3", "app/e3"));
    private static final Ledger.Alert U1 = new Ledger.Alert("x1", "app/u1/HEALING_GAP/CHEEKS");
    private static final Ledger.Alert U2 = new Ledger.Alert("x2", "app/u2/HEALING_GAP/CHEEKS");

    @Test
    void everyEventAssessedOnceAndEveryAlertRaisedOnceMissesNothing() {
        Tally tally = count(ALL_ASSESSED, List.of(U1, U2), 0);

        assertEquals(List.of(), tally.misses());
        assertEquals(3, tally.assessed());
        assertEquals(2, tally.alertsEmitted());
    }

    @Test
    void anExpectedAlertNeverRaisedIsLost() {
        Tally tally = count(ALL_ASSESSED, List.of(U1), 0);

        assertEquals(1, tally.lost());
        assertEquals(1, tally.alertsEmitted());
        assertTrue(tally.misses().contains("1 lost"), tally.misses().toString());
    }

    @Test
    void anAcceptedEventNeverAssessedIsLost() {
        Tally tally = count(ALL_ASSESSED.subList(0, 2), List.of(U1, U2), 0);

        assertEquals(1, tally.lost());
        assertEquals(2, tally.assessed());
    }

    @Test
    void aSecondAlertForOneDecisionIsDoubled() {
        Tally tally = count(ALL_ASSESSED, List.of(U1, U2, new Ledger.Alert("x3", U1.decision())), 0);

        assertEquals(1, tally.duplicated());
        assertEquals(0, tally.lost());
        assertTrue(tally.misses().contains("1 duplicated"), tally.misses().toString());
    }

    @Test
    void oneAlertReadTwiceIsDoubled() {
        assertEquals(1, count(ALL_ASSESSED, List.of(U1, U2, U2), 0).duplicated());
    }

    @Test
    void aJudgementPublishedTwiceIsDoubled() {
        List<Ledger.Assessment> twice = List.of(ALL_ASSESSED.get(0), ALL_ASSESSED.get(1), ALL_ASSESSED.get(2),
                ALL_ASSESSED.get(2));

        assertEquals(1, count(twice, List.of(U1, U2), 0).duplicated());
    }

    @Test
    void anAlertNoHistoryCallsForIsAMiss() {
        Tally tally = count(ALL_ASSESSED, List.of(U1, U2, new Ledger.Alert("x4", "app/u3/HEALING_GAP/CHEEKS")), 0);

        assertEquals(2, tally.alertsEmitted());
        assertEquals(1, tally.unexpectedAlerts());
        assertEquals(1, tally.misses().size());
    }

    @Test
    void deadLettersOtherThanThePoisonAreAMiss() {
        assertEquals(List.of("1 dead-lettered, 0 poison injected"), count(ALL_ASSESSED, List.of(U1, U2), 1).misses());
    }

    @Test
    void aSlowRecoveryIsAMiss() {
        Tally tally = Ledger.count("slow", PLAN, new Ledger.Observed(PLAN.accepted(), ALL_ASSESSED, List.of(U1, U2), 0),
                Tally.RECOVERY_LIMIT_SECONDS + 1);

        assertEquals(1, tally.misses().size());
        assertEquals(List.of(), tally.failures(), "a time is reported, never a failure");
    }

    @Test
    void aLostAlertIsAFailure() {
        assertEquals(List.of("1 lost", "1 alerts emitted, 2 expected"), count(ALL_ASSESSED, List.of(U1), 0).failures());
    }

    @Test
    void hostileServerErrorsAndEffectsAreMisses() {
        Tally tally = count(ALL_ASSESSED, List.of(U1, U2), 0).with(Fault.Injected.hostile(2, 1));

        assertEquals(2, tally.misses().size());
    }

    @Test
    void anUnsendableRecordThatParkedNothingMeansTheFaultMissed() {
        Tally tally = count(ALL_ASSESSED, List.of(U1, U2), 0).with(Fault.Injected.parked(0, 0));

        assertEquals(List.of("nothing parked: the fault made no record unsendable"), tally.misses());
    }

    @Test
    void aRowParkedAgainAfterItsCauseWasMendedIsAMiss() {
        Tally tally = count(ALL_ASSESSED, List.of(U1, U2), 0).with(Fault.Injected.parked(3, 1));

        assertEquals(List.of("1 still parked after the cause was mended and they were retried"), tally.misses());
    }

    @Test
    void anAlertTheClinicWasNeverDeliveredIsAMiss() {
        Tally tally = Ledger.count("clinic", PLAN, new Ledger.Observed(PLAN.accepted(), ALL_ASSESSED, List.of(U1, U2), 0)
                .withClinic(List.of(U1), List.of(U1)), 1);

        assertEquals(List.of("1 of 2 alerts delivered to the clinic"), tally.failures());
    }

    @Test
    void anAlertOnTheClinicsTopicTwiceIsDoubled() {
        Tally tally = Ledger.count("clinic", PLAN, new Ledger.Observed(PLAN.accepted(), ALL_ASSESSED, List.of(U1, U2), 0)
                .withClinic(List.of(U1, U2), List.of(U1, U2, U2)), 1);

        assertEquals(2, tally.clinicDelivered());
        assertEquals(List.of("1 duplicated"), tally.failures());
    }

    @Test
    void anAlertDeliveredToTheClinicTwiceIsDoubled() {
        Tally tally = Ledger.count("clinic", PLAN, new Ledger.Observed(PLAN.accepted(), ALL_ASSESSED, List.of(U1, U2), 0)
                .withClinic(List.of(U1, U2, new Ledger.Alert("x5", U2.decision())), List.of()), 1);

        assertEquals(1, tally.duplicated());
    }

    private static Tally count(List<Ledger.Assessment> assessments, List<Ledger.Alert> alerts, long deadLettered) {
        return Ledger.count("test", PLAN, new Ledger.Observed(PLAN.accepted(), assessments, alerts, deadLettered), 1);
    }
}
