package dev.dermaguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RateSearchTest {

    @Test
    void doublesUntilATrialFailsThenBisects() {
        RateSearch.Outcome outcome = RateSearch.search(100, 10_000, 5, rate -> rate <= 300);

        assertEquals(List.of(new RateSearch.Step(100, true), new RateSearch.Step(200, true),
                new RateSearch.Step(400, false), new RateSearch.Step(300, true), new RateSearch.Step(350, false)),
                outcome.steps());
        assertEquals(300, outcome.maxSustained());
    }

    @Test
    void halvesWhenTheFirstGuessFails() {
        RateSearch.Outcome outcome = RateSearch.search(1000, 10_000, 4, rate -> rate <= 300);

        assertEquals(List.of(1000.0, 500.0, 250.0, 375.0), outcome.steps().stream().map(RateSearch.Step::rate).toList());
        assertEquals(250, outcome.maxSustained());
    }

    @Test
    void stopsAtTheCeilingOnceItIsSustained() {
        RateSearch.Outcome outcome = RateSearch.search(3000, 5000, 6, rate -> true);

        assertEquals(List.of(3000.0, 5000.0), outcome.steps().stream().map(RateSearch.Step::rate).toList());
        assertEquals(5000, outcome.maxSustained());
    }

    @Test
    void nothingSustainedIsZero() {
        assertEquals(0, RateSearch.search(100, 1000, 3, rate -> false).maxSustained());
    }
}
