package dev.dermaguard.bench;

import java.util.List;

/**
 * Whether consumer lag grew during a trial: the least-squares slope of the lag samples, against the offered rate.
 * A lag that ends below a second's worth of events (plus an allowance for offsets that are never consumed, such as
 * transaction markers) is not a growing one, whatever its slope: the relays publish in rounds, so lag rises and
 * falls within each.
 */
final class LagTrend {

    /** Lag, in records, at a moment of the trial, in seconds from its start. */
    record Sample(double seconds, long lag) {
    }

    /** A slope below this share of the offered rate is noise, not growth. */
    static final double TOLERATED_GROWTH = 0.05;

    private LagTrend() {
    }

    static boolean growing(List<Sample> samples, double ratePerSecond, long allowance) {
        if (samples.size() < 2) {
            return false;
        }
        if (samples.get(samples.size() - 1).lag() <= ratePerSecond + allowance) {
            return false;
        }
        return slope(samples) > TOLERATED_GROWTH * ratePerSecond;
    }

    /** Records per second. */
    static double slope(List<Sample> samples) {
        double n = samples.size();
        double meanT = samples.stream().mapToDouble(Sample::seconds).sum() / n;
        double meanLag = samples.stream().mapToDouble(Sample::lag).sum() / n;
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            covariance += (sample.seconds() - meanT) * (sample.lag() - meanLag);
            variance += (sample.seconds() - meanT) * (sample.seconds() - meanT);
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
