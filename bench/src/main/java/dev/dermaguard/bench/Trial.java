package dev.dermaguard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One stretch of load at one offered rate: every event's scheduled time, when its assessment and its alert were
 * seen, the answers intake gave and the lag samples taken meanwhile.
 */
final class Trial {

    /** An event posted in this trial; the times are System.nanoTime(), 0 until seen. */
    static final class Tracked {
        final long scheduled;
        final boolean alerting;
        volatile long assessed;
        volatile long alerted;

        Tracked(long scheduled, boolean alerting) {
            this.scheduled = scheduled;
            this.alerting = alerting;
        }
    }

    /** A batch just posted is unassessed too, and no backlog yet. */
    private static final long IN_FLIGHT_ALLOWANCE = Load.BATCH_SIZE;

    final String mode;
    final double offeredPerSecond;
    final Map<String, Tracked> events = new ConcurrentHashMap<>();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong failedRequests = new AtomicLong();
    final List<LagTrend.Sample> lag = new ArrayList<>();
    long startedNanos;
    /** When the last request of the trial left, plus one interval: the schedule's end, or later if it slipped. */
    private long sendingEndedNanos;

    Trial(String mode, double offeredPerSecond) {
        this.mode = mode;
        this.offeredPerSecond = offeredPerSecond;
    }

    void track(String eventId, long scheduled, boolean alerting) {
        events.put(eventId, new Trial.Tracked(scheduled, alerting));
    }

    synchronized void lag(LagTrend.Sample sample) {
        lag.add(sample);
    }

    boolean settled() {
        return events.values().stream().allMatch(e -> e.assessed != 0 && (!e.alerting || e.alerted != 0));
    }

    void sendingEnded(long nanos) {
        sendingEndedNanos = nanos;
    }

    /**
     * Events accepted per second of sending: below the offered rate when intake answered too slowly for the capped
     * requests in flight (the schedule slipped) or refused some.
     */
    double achievedPerSecond() {
        double seconds = (sendingEndedNanos - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : accepted.get() / seconds;
    }

    /** Sustained: intake kept the schedule, answered (nearly) every request, and the backlog did not grow. */
    boolean sustained() {
        List<LagTrend.Sample> samples;
        synchronized (this) {
            samples = List.copyOf(lag);
        }
        return achievedPerSecond() >= 0.95 * offeredPerSecond
                && failedRequests.get() <= requests.get() / 100
                && !LagTrend.growing(samples, offeredPerSecond, IN_FLIGHT_ALLOWANCE);
    }

    /**
     * From the scheduled time to the assessment; an event never seen counts with the time it has been waiting at
     * {@code now}, so a stall raises the tail rather than leaving it.
     */
    Percentiles toAssessment(long now) {
        return Percentiles.ofNanos(events.values().stream()
                .mapToLong(e -> (e.assessed == 0 ? now : e.assessed) - e.scheduled).toArray());
    }

    Percentiles toAlert(long now) {
        return Percentiles.ofNanos(events.values().stream().filter(e -> e.alerting)
                .mapToLong(e -> (e.alerted == 0 ? now : e.alerted) - e.scheduled).toArray());
    }

    /** Assessments per second between the first and the last one seen: a backlog's drain rate. */
    double assessedPerSecond() {
        long[] times = events.values().stream().mapToLong(e -> e.assessed).filter(t -> t != 0).sorted().toArray();
        if (times.length < 2) {
            return 0;
        }
        return (times.length - 1) / ((times[times.length - 1] - times[0]) / 1e9);
    }

    /**
     * Events posted and not yet assessed: the pipeline's real backlog. Consumer groups' committed offsets trail it by
     * their commit interval (seconds), too coarse for a trial of a few.
     */
    long unassessed() {
        return events.values().stream().filter(e -> e.assessed == 0).count();
    }
}
