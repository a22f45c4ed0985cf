package dev.dermaguard.common.kafka;

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
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class ConsumerRetryTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

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
}
