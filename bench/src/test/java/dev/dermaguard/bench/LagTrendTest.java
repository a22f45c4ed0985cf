package dev.dermaguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleToLongFunction;

import org.junit.jupiter.api.Test;

class LagTrendTest {

    private static List<LagTrend.Sample> samples(DoubleToLongFunction lagAt) {
        List<LagTrend.Sample> samples = new ArrayList<>();
        for (double t = 0; t <= 10; t += 0.25) {
            samples.add(new LagTrend.Sample(t, lagAt.applyAsLong(t)));
        }
        return samples;
    }

    @Test
    void aBacklogThatGrowsByAFifthOfTheRateGrows() {
        assertTrue(LagTrend.growing(samples(t -> (long) (200 * t)), 1000, 0));
    }

    @Test
    void aSawToothOfRelayRoundsDoesNotGrow() {
        // Rounds every 200 ms: lag climbs to a fifth of a second's events and falls back.
        assertFalse(LagTrend.growing(samples(t -> (long) (1000 * (t % 0.2))), 1000, 0));
    }

    @Test
    void aLargeLagThatShrinksDoesNotGrow() {
        assertFalse(LagTrend.growing(samples(t -> (long) (20_000 - 500 * t)), 1000, 0));
    }

    @Test
    void aLargeLagThatStaysStillDoesNotGrow() {
        assertFalse(LagTrend.growing(samples(t -> 5_000 + (long) (10 * t)), 1000, 0));
    }

    @Test
    void markersThatAreNeverConsumedAreAllowedFor() {
        // Five events a second; twelve offsets of transaction markers always behind, and a record or two in flight.
        List<LagTrend.Sample> samples = samples(t -> 12 + (long) (t / 2));

        assertTrue(LagTrend.growing(samples, 5, 0));
        assertFalse(LagTrend.growing(samples, 5, 12));
    }

    @Test
    void slopeInRecordsPerSecond() {
        assertEquals(150, LagTrend.slope(samples(t -> (long) (40 + 150 * t))), 0.5);
    }

    @Test
    void oneSampleSaysNothing() {
        assertFalse(LagTrend.growing(List.of(new LagTrend.Sample(0, 1_000_000)), 10, 0));
    }
}
