package dev.dermaguard.support.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class ConsumerRetryTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @AfterEach
    void takeRecordsAgain() {
        ConsumerRetry.start();
    }

    @Test
    void aPassingFaultIsRetriedPastAnyFixedCountAndTheChannelIsStalledUntilItClears() {
        AtomicInteger attempts = new AtomicInteger();
        List<Boolean> stalledDuringRetries = new ArrayList<>();
        // More failures than the five attempts that once sent a good record to the DLQ.
        int failures = 7;

        ConsumerRetry.process("retry-test", "e-1", () -> {
            int attempt = attempts.incrementAndGet();
            if (attempt > 1) {
                stalledDuringRetries.add(ConsumerRetry.stalledSince().containsKey("retry-test"));
            }
            return attempt <= failures ? Uni.createFrom().failure(new IllegalStateException("database down"))
                    : Uni.createFrom().voidItem();
        }).await().atMost(BOUND);

        assertEquals(failures + 1, attempts.get());
        assertTrue(stalledDuringRetries.stream().allMatch(Boolean::booleanValue), stalledDuringRetries.toString());
        assertFalse(ConsumerRetry.stalledSince().containsKey("retry-test"), "ready again once the record went through");
    }

    @Test
    void aCopyOfTheChannelThatGoesOnLeavesTheChannelStalledWhileAnotherCopyWaits() throws Exception {
        AtomicInteger waiting = new AtomicInteger();
        CompletableFuture<Void> mended = new CompletableFuture<>();
        // Two copies of one channel (concurrency 2) run on threads of their own, without a Vert.x context.
        CompletableFuture<Void> stalledCopy = CompletableFuture.runAsync(() -> ConsumerRetry.process("copies-test", "e-3",
                () -> waiting.incrementAndGet() < 3 || !mended.isDone()
                        ? Uni.createFrom().failure(new IllegalStateException("database down"))
                        : Uni.createFrom().voidItem()).await().atMost(BOUND));
        Awaitility.await().atMost(BOUND).until(() -> waiting.get() >= 2);

        ConsumerRetry.process("copies-test", "e-4", () -> Uni.createFrom().voidItem()).await().atMost(BOUND);

        assertTrue(ConsumerRetry.stalledSince().containsKey("copies-test"), "one copy still waits");
        mended.complete(null);
        stalledCopy.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertFalse(ConsumerRetry.stalledSince().containsKey("copies-test"));
    }

    @Test
    void anUnprocessableRecordFailsAtOnceForTheDeadLetterTopic() {
        AtomicInteger attempts = new AtomicInteger();

        UnprocessableRecordException thrown = assertThrows(UnprocessableRecordException.class, () ->
                ConsumerRetry.process("poison-test", "e-2", () -> {
                    attempts.incrementAndGet();
                    return Uni.createFrom().failure(new UnprocessableRecordException("unknown event type x"));
                }).await().atMost(BOUND));

        assertEquals("unknown event type x", thrown.getMessage());
        assertEquals(1, attempts.get());
        assertFalse(ConsumerRetry.stalledSince().containsKey("poison-test"));
    }

    @Test
    void aStopWaitsForTheRecordInProcessingThenStartsAndRetriesNoOther() throws Exception {
        CompletableFuture<Void> inProcessing = new CompletableFuture<>();
        CompletableFuture<Void> first = ConsumerRetry.process("stop-test", "e-5",
                () -> Uni.createFrom().completionStage(inProcessing)).subscribeAsCompletionStage();
        ConsumerRetry.stopTaking();
        CompletableFuture<Boolean> stopped = idleWithin(BOUND);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(BOUND).until(() -> !stopped.isDone());

        inProcessing.complete(null);

        assertTrue(stopped.get(BOUND.toSeconds(), TimeUnit.SECONDS), "the record in processing ended first");
        first.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        AtomicInteger started = new AtomicInteger();
        CompletableFuture<Void> next = ConsumerRetry.process("stop-test", "e-6", () -> {
            started.incrementAndGet();
            return Uni.createFrom().voidItem();
        }).subscribeAsCompletionStage();
        assertEquals(0, started.get(), "no record starts once stopping");
        assertFalse(next.isDone(), "left unacknowledged for the partition's next owner");
    }

    @Test
    void aRecordThatFailsWhileStoppingIsNeitherRetriedNorDeadLettered() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> failing = new CompletableFuture<>();
        CompletableFuture<Void> record = ConsumerRetry.process("stop-fail-test", "e-7", () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().completionStage(failing);
        }).subscribeAsCompletionStage();
        ConsumerRetry.stopTaking();

        failing.completeExceptionally(new IllegalStateException("pool closed"));

        assertTrue(idleWithin(BOUND).get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, attempts.get());
        assertFalse(record.isDone(), "neither acknowledged nor nacked to the dead-letter topic");
    }

    private static CompletableFuture<Boolean> idleWithin(Duration within) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ConsumerRetry.awaitIdle(within);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
