package dev.dermaguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long MS = 1_000_000;

    @Test
    void nearestRankOfAThousandSamples() {
        // 1000 down to 1 ms: the harness sorts.
        long[] latencies = LongStream.rangeClosed(1, 1000).map(i -> (1001 - i) * MS).toArray();

        Percentiles p = Percentiles.ofNanos(latencies);

        assertEquals(new Percentiles(500, 990, 999), p);
    }

    @Test
    void oneSlowSampleInTenThousandIsAboveP999() {
        long[] latencies = LongStream.range(0, 10_000).map(i -> i == 42 ? 30_000 * MS : 10 * MS).toArray();

        Percentiles p = Percentiles.ofNanos(latencies);

        assertEquals(new Percentiles(10, 10, 10), p);
    }

    @Test
    void aTailOfTwoPercentShowsAtP99() {
        long[] latencies = LongStream.range(0, 1000).map(i -> i < 20 ? 800 * MS : 5 * MS).toArray();

        assertEquals(new Percentiles(5, 800, 800), Percentiles.ofNanos(latencies));
    }

    @Test
    void noSamplesNoFigures() {
        assertEquals(Percentiles.NONE, Percentiles.ofNanos(new long[0]));
    }

    @Test
    void fractionsOfAMillisecondKeepOneDecimal() {
        assertEquals(new Percentiles(1.5, 1.5, 1.5), Percentiles.ofNanos(new long[] {1_540_000}));
    }
}
