package dev.dermaguard.intake.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PublishRoomTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PublishRoom room = new PublishRoom(registry);

    private double inFlight() {
        return registry.get("dermaguard.intake.records.in.flight").gauge().value();
    }

    @Test
    void aRequestWaitsForRoomThatRecordsInFlightFree() throws Exception {
        assertTrue(room.take(PublishRoom.RECORDS, Duration.ZERO));
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> room.take(2, Duration.ofMinutes(1)));

        room.free();
        room.free();

        assertTrue(waiting.get());
        assertEquals(PublishRoom.RECORDS, inFlight());
    }

    @Test
    void noRoomInTimeTakesNothing() {
        assertTrue(room.take(PublishRoom.RECORDS - 1, Duration.ZERO));

        assertFalse(room.take(2, Duration.ofMillis(1)));

        assertEquals(PublishRoom.RECORDS - 1, inFlight());
        assertTrue(room.take(1, Duration.ZERO), "the one record of room left is still there");
    }
}
