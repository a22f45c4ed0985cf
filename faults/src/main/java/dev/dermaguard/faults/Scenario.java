package dev.dermaguard.faults;

import java.util.List;

/**
 * One fault under a stream of its own users. {@code apps} and {@code copies} say who posts each event and how
 * often; {@code consenting}, whether the users share their alerts with a clinic; {@code wholeRun} counts every
 * user of the run so far (a replay re-reads them all); {@code alongside}, that a quick run may run it side by side
 * with its neighbours that may too: it stops nothing the others need, and its counts are its own users'.
 */
record Scenario(String name, Fault fault, List<Stream.App> apps, int copies, boolean consenting, boolean wholeRun,
        boolean alongside) {

    static Scenario of(String name, Fault fault) {
        return new Scenario(name, fault, List.of(Stream.DEMO_APP), 1, false, false, false);
    }

    Scenario besideOthers() {
        return new Scenario(name, fault, apps, copies, consenting, wholeRun, true);
    }
}
