package dev.dermaguard.support.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Metrics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * How every consumer handles one record. An {@link UnprocessableRecordException} nacks it at once, which sends it
 * to the dead-letter topic so the partition moves on. Any other failure is taken as passing (the database or the
 * broker down, however long): the record is tried again without limit, with back-off capped at
 * {@link #MAX_BACK_OFF}, and its channel counts as stalled ({@link #stalledSince()}, which readiness reports) until
 * it goes through. A good record is never dead-lettered for an outage.
 * <p>
 * Each record processed is logged at DEBUG on {@link #EVENTS} (its id and channel only; with the trace id of the log
 * format it follows one request through the services), each dead-lettered one counted in
 * {@code dermaguard.consumer.dead.lettered} by channel.
 */
public final class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);
    /** One line per event handled, ids and types only: on in the dev, test and local profiles. */
    public static final String EVENTS = "dev.dermaguard.events";
    private static final Logger EVENT_LOG = Logger.getLogger(EVENTS);
    /** The record context's local under which {@link #onceProcessed} keeps what waits for the commit. */
    private static final String ONCE_PROCESSED = ConsumerRetry.class.getName() + ".onceProcessed";
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

    /**
     * A copy of a channel: with {@code concurrency} above 1 a channel runs as several copies, each on a Vert.x
     * context of its own, and one may wait on a fault while another goes on.
     */
    private record Copy(String channel, Object context) {
    }

    /** Each waiting copy to when its current record first failed; a copy is absent while its records go through. */
    private static final Map<Copy, Instant> STALLED = new ConcurrentHashMap<>();
    /** Attempts under way: a stop waits for them while the database is still there ({@link ConsumersStopFirst}). */
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static volatile boolean stopping;

    private ConsumerRetry() {
    }

    /**
     * @param channel the {@code @Incoming} channel, named by readiness while it waits
     * @param eventId the record's {@code ce_id}, for the log: ids only, never payloads, which hold health data
     */
    public static Uni<Void> process(String channel, String eventId, Supplier<Uni<? extends Void>> work) {
        return retrying(channel, eventId, work)
                .onItem().invoke(done -> processed(channel, eventId))
                .onFailure().invoke(e -> deadLettered(channel, eventId, e));
    }

    /**
     * Runs {@code work} until it goes through, trying again after any failure but an
     * {@link UnprocessableRecordException}, with which it fails. What {@link #onceProcessed} queued runs once it went
     * through. Unlike {@link #process} it neither logs the outcome nor counts a dead letter: the caller settles its
     * records (a batch of them, {@link RecordBatches}).
     *
     * @param what the records' ids, or a count of them, for the log
     */
    public static Uni<Void> retrying(String channel, String what, Supplier<Uni<? extends Void>> work) {
        if (stopping) {
            // Never acknowledged, so never committed: the partition's next owner processes it.
            return Uni.createFrom().nothing();
        }
        // Captured here: every retry runs on the record's Vert.x context, where Hibernate Reactive must run.
        Context context = Vertx.currentContext();
        Copy copy = new Copy(channel, context == null ? Thread.currentThread() : context);
        return attempt(copy, what, work, context, FIRST_BACK_OFF)
                .onItem().invoke(done -> {
                    STALLED.remove(copy);
                    if (context != null) {
                        List<Runnable> committed = context.getLocal(ONCE_PROCESSED);
                        context.removeLocal(ONCE_PROCESSED);
                        committed.forEach(Runnable::run);
                    }
                })
                .onFailure().invoke(e -> {
                    STALLED.remove(copy);
                    if (context != null) {
                        context.removeLocal(ONCE_PROCESSED);
                    }
                });
    }

    /** The DEBUG line of an event that took effect (or had already): ids only. */
    static void processed(String channel, String eventId) {
        EVENT_LOG.debugf("Processed event %s from %s", eventId, channel);
    }

    /** Counts and logs a record on its way to the dead-letter topic: its id and the reason, never its payload. */
    static void deadLettered(String channel, String eventId, Throwable reason) {
        Metrics.counter("dermaguard.consumer.dead.lettered", "channel", channel).increment();
        LOG.warnf("Event %s goes to the dead-letter topic: %s", eventId, reason.getMessage());
    }

    /**
     * Runs {@code action} once the record being processed went through (its transaction committed), not for an
     * attempt that failed and is tried again: metrics of effects count each effect once. Outside a record it runs at
     * once.
     */
    public static void onceProcessed(Runnable action) {
        Context context = Vertx.currentContext();
        List<Runnable> waiting = context == null ? null : context.getLocal(ONCE_PROCESSED);
        if (waiting == null) {
            action.run();
        } else {
            waiting.add(action);
        }
    }

    /** The channels waiting on a passing fault, each with the time its longest-waiting copy's record first failed. */
    public static Map<String, Instant> stalledSince() {
        Map<String, Instant> stalled = new HashMap<>();
        STALLED.forEach((copy, since) -> stalled.merge(copy.channel(), since, (a, b) -> a.isBefore(b) ? a : b));
        return Map.copyOf(stalled);
    }

    private static Uni<Void> attempt(Copy copy, String eventId, Supplier<Uni<? extends Void>> work,
            Context context, Duration backOff) {
        return Uni.createFrom().<Void>deferred(() -> {
                    if (context != null) {
                        // A fresh list per attempt: what a failed attempt counted rolled back with it.
                        context.putLocal(ONCE_PROCESSED, new ArrayList<Runnable>());
                    }
                    RUNNING.incrementAndGet();
                    return work.get();
                })
                .onTermination().invoke(RUNNING::decrementAndGet)
                .onFailure(e -> !(e instanceof UnprocessableRecordException)).recoverWithUni(e -> {
                    if (stopping) {
                        // The database may already be closing under a stop: left unacknowledged, not retried.
                        return Uni.createFrom().nothing();
                    }
                    if (STALLED.putIfAbsent(copy, Instant.now()) == null) {
                        // The class at WARN; the trace, whose messages may quote stored values, at DEBUG only.
                        LOG.warnf("Processing event %s on %s failed with %s; retrying until it succeeds", eventId,
                                copy.channel(), e.getClass().getName());
                    }
                    LOG.debugf(e, "Processing event %s failed", eventId);
                    Duration next = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF
                            : backOff.multipliedBy(2);
                    return pause(context, backOff).flatMap(resumed -> attempt(copy, eventId, work, context, next));
                });
    }

    /** From now on no record is started, and none that fails is tried again. */
    static void stopTaking() {
        stopping = true;
    }

    /** Whether the attempts under way ended within {@code within}. */
    static boolean awaitIdle(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (RUNNING.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return RUNNING.get() == 0;
    }

    /** An application started again in the same JVM (tests do) takes records again. */
    static void start() {
        stopping = false;
    }

    private static Uni<Void> pause(Context context, Duration wait) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(wait);
        }
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(wait.toMillis(),
                timer -> context.runOnContext(ignored -> emitter.complete(null))));
    }
}
