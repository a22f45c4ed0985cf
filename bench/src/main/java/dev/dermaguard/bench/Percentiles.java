package dev.dermaguard.bench;

import java.util.Arrays;

/** Latency percentiles in milliseconds, by nearest rank: p99.9 of 1,000 samples is the largest but one. */
public record Percentiles(double p50, double p99, double p999) {

    static final Percentiles NONE = new Percentiles(0, 0, 0);

    static Percentiles ofNanos(long[] latencies) {
        if (latencies.length == 0) {
            return NONE;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Percentiles(millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 0.999));
    }

    private static double millis(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        long nanos = sorted[Math.max(0, rank - 1)];
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
