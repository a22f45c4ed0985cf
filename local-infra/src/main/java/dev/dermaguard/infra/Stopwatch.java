package dev.dermaguard.infra;

import java.util.concurrent.TimeUnit;

/** Measures how long a start takes, for the log line that says it is ready. */
final class Stopwatch {

    private final long startedAt = System.nanoTime();

    long millis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
    }
}
