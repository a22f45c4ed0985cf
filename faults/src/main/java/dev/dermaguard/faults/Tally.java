package dev.dermaguard.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's counts, as the issue names them. {@code serverErrors} and {@code hostileEffects} are null
 * unless the scenario sent hostile requests; {@code parked} and {@code parkedAfterRetry} unless it made outgoing
 * records unsendable; {@code clinicDelivered} (expected alerts the clinic's read shows delivered) unless its users
 * consented to a clinic.
 */
record Tally(String name, long sent, long accepted, long stored, long assessed, long alertsExpected,
             long alertsEmitted, long lost, long duplicated, long unexpectedAlerts, long deadLettered,
             long poisonInjected, double recoverySeconds, Long serverErrors, Long hostileEffects, Long parked,
             Long parkedAfterRetry, Long clinicDelivered) {

    /** Seconds from a fault's end until every consumer has caught up: more is a miss. */
    static final double RECOVERY_LIMIT_SECONDS = 30;

    /** Every target this scenario missed, in words: the broken guarantees, then a slow recovery. */
    List<String> misses() {
        List<String> misses = new ArrayList<>(failures());
        if (!(recoverySeconds <= RECOVERY_LIMIT_SECONDS)) {
            misses.add("recovery " + recoverySeconds + " s, limit " + RECOVERY_LIMIT_SECONDS + " s");
        }
        return misses;
    }

    /**
     * The guarantees this scenario broke, in words; empty when it kept every one. A recovery slower than the target
     * is a miss but not a failure: it is a time, which depends on the machine, and the run reports it.
     */
    List<String> failures() {
        List<String> misses = new ArrayList<>();
        if (lost > 0) {
            misses.add(lost + " lost");
        }
        if (duplicated > 0) {
            misses.add(duplicated + " duplicated");
        }
        if (alertsEmitted != alertsExpected) {
            misses.add(alertsEmitted + " alerts emitted, " + alertsExpected + " expected");
        }
        if (unexpectedAlerts > 0) {
            misses.add(unexpectedAlerts + " alerts nobody's history calls for");
        }
        if (deadLettered != poisonInjected) {
            misses.add(deadLettered + " dead-lettered, " + poisonInjected + " poison injected");
        }
        if (serverErrors != null && serverErrors > 0) {
            misses.add(serverErrors + " server errors");
        }
        if (hostileEffects != null && hostileEffects > 0) {
            misses.add(hostileEffects + " hostile requests took effect");
        }
        if (clinicDelivered != null && clinicDelivered != alertsExpected) {
            misses.add(clinicDelivered + " of " + alertsExpected + " alerts delivered to the clinic");
        }
        if (parked != null && parked == 0) {
            misses.add("nothing parked: the fault made no record unsendable");
        }
        if (parkedAfterRetry != null && parkedAfterRetry > 0) {
            misses.add(parkedAfterRetry + " still parked after the cause was mended and they were retried");
        }
        return misses;
    }

    /** With what the fault caused besides the stream's own counts. */
    Tally with(Fault.Injected injected) {
        return new Tally(name, sent, accepted, stored, assessed, alertsExpected, alertsEmitted, lost, duplicated,
                unexpectedAlerts, deadLettered, poisonInjected, recoverySeconds, injected.serverErrors(),
                injected.hostileEffects(), injected.parked(), injected.parkedAfterRetry(), clinicDelivered);
    }
}
