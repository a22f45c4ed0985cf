package dev.dermaguard.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's counts, as the issue names them. {@code serverErrors} and {@code hostileEffects} are null
 * unless the scenario sent hostile requests.
 */
record Tally(String name, long sent, long accepted, long stored, long assessed, long alertsExpected,
             long alertsEmitted, long lost, long duplicated, long unexpectedAlerts, long deadLettered,
             long poisonInjected, double recoverySeconds, Long serverErrors, Long hostileEffects) {

    /** Seconds from a fault's end until every consumer has caught up: more is a miss. */
    static final double RECOVERY_LIMIT_SECONDS = 30;

    /** Every target this scenario missed, in words; empty when it kept every promise. */
    List<String> misses() {
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
        if (!(recoverySeconds <= RECOVERY_LIMIT_SECONDS)) {
            misses.add("recovery " + recoverySeconds + " s, limit " + RECOVERY_LIMIT_SECONDS + " s");
        }
        if (serverErrors != null && serverErrors > 0) {
            misses.add(serverErrors + " server errors");
        }
        if (hostileEffects != null && hostileEffects > 0) {
            misses.add(hostileEffects + " hostile requests took effect");
        }
        return misses;
    }

    Tally withHostile(long serverErrors, long hostileEffects) {
        return new Tally(name, sent, accepted, stored, assessed, alertsExpected, alertsEmitted, lost, duplicated,
                unexpectedAlerts, deadLettered, poisonInjected, recoverySeconds, serverErrors, hostileEffects);
    }
}
