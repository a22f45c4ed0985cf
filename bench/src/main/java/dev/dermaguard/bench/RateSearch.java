package dev.dermaguard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * The highest offered rate a trial sustains, in a fixed number of trials: up from a first guess by doubling (down by
 * halving) until one trial sustains and another does not, then bisection between them. A fixed count keeps the
 * run's length known in advance; the answer is the best rate that was sustained, never one that was not tried.
 */
final class RateSearch {

    /** Each rate tried, in order, and whether it was sustained. */
    record Step(double rate, boolean sustained) {
    }

    record Outcome(double maxSustained, List<Step> steps) {
    }

    private RateSearch() {
    }

    /**
     * @param first the first rate tried, e.g. from a backlog's drain rate
     * @param ceiling never offered above this (the load generator's own limit)
     * @param trials how many trials at most
     */
    static Outcome search(double first, double ceiling, int trials, DoublePredicate sustains) {
        double below = 0;
        double above = Double.POSITIVE_INFINITY;
        double rate = Math.min(first, ceiling);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            boolean sustained = sustains.test(rate);
            steps.add(new Step(rate, sustained));
            if (sustained) {
                below = rate;
            } else {
                above = rate;
            }
            if (below >= ceiling) {
                break;
            }
            rate = Double.isInfinite(above) ? Math.min(rate * 2, ceiling) : below == 0 ? above / 2 : (below + above) / 2;
        }
        return new Outcome(below, steps);
    }
}
