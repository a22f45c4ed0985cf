package dev.dermaguard.intake.service;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Room for records handed to the producer and not yet acknowledged or failed by the broker. A request takes room
 * for all its records before it publishes any, waiting its turn (first come, first served) up to the publish
 * timeout: concurrent batches queue instead of overflowing the emitter's buffer, which holds exactly this many.
 */
@ApplicationScoped
public class PublishRoom {

    /** Records in flight at most: eight batches of 500 wait at most for four to be acknowledged. */
    public static final int RECORDS = 2048;

    private final Semaphore room = new Semaphore(RECORDS, true);

    public PublishRoom(MeterRegistry registry) {
        Gauge.builder("dermaguard.intake.records.in.flight", room, free -> RECORDS - free.availablePermits())
                .description("Records handed to the broker and not yet acknowledged; at " + RECORDS
                        + " further requests wait for room")
                .register(registry);
    }

    /**
     * Blocks the calling worker thread until there is room for {@code records}, at most {@code timeout}.
     *
     * @return false when no room came in time: nothing was taken
     */
    boolean take(int records, Duration timeout) {
        try {
            return room.tryAcquire(records, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One record is acknowledged or failed for good. */
    void free() {
        room.release();
    }
}
