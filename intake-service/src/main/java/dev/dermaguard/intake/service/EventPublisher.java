package dev.dermaguard.intake.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.contract.kafka.RecordKeys;
import dev.dermaguard.intake.config.IntakeConfig;

/**
 * Publishes an event to {@code microneedling.events} and completes only when the broker acknowledged it. A request
 * first takes room for its records ({@link PublishRoom}); the room is freed when the broker acknowledges or fails a
 * record, not when the request stops waiting, so the room counts what is really in flight.
 */
@ApplicationScoped
public class EventPublisher {

    public static final String CHANNEL = "events-out";

    private final MutinyEmitter<String> emitter;
    private final EventCodec codec;
    private final IntakeConfig config;
    private final PublishRoom room;
    private final Counter noRoom;
    private final Counter notAcknowledged;
    private final Clock clock = Clock.systemUTC();

    public EventPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = PublishRoom.RECORDS)
                          MutinyEmitter<String> emitter, EventCodec codec, IntakeConfig config, PublishRoom room,
                          MeterRegistry registry) {
        this.emitter = emitter;
        this.codec = codec;
        this.config = config;
        this.room = room;
        this.noRoom = unconfirmed(registry, "no-room",
                "at capacity: no room within the publish timeout, nothing published (load, or a broker slow to acknowledge)");
        this.notAcknowledged = unconfirmed(registry, "broker",
                "handed to the broker, not acknowledged within the publish timeout or failed (broker outage)");
    }

    private static Counter unconfirmed(MeterRegistry registry, String reason, String description) {
        return Counter.builder("dermaguard.intake.records.unconfirmed").tag("reason", reason)
                .description("Records answered 503: " + description).register(registry);
    }

    /**
     * Waits (on the worker thread) for room for {@code records} records, at most the publish timeout; each then
     * goes through {@link #publish}, which frees its room.
     *
     * @throws NoRoomException when no room came in time: nothing was taken
     */
    public void reserve(int records) {
        if (!room.take(records, config.publishTimeout())) {
            noRoom.increment(records);
            throw new NoRoomException();
        }
    }

    /**
     * Publishes all records at once, handed to the producer in list order: the idempotent producer keeps that order
     * within a partition, so one user's events stay in the order posted. Completes when every record is
     * acknowledged or has failed; each outcome is {@code true} when the broker acknowledged that record.
     */
    public Uni<List<Boolean>> publishInOrder(List<Uni<Void>> publications) {
        List<Uni<Boolean>> outcomes = publications.stream()
                .map(publication -> publication.replaceWith(true)
                        .onFailure(BrokerUnavailableException.class).recoverWithItem(false))
                .toList();
        // join().all subscribes one by one in list order, and each subscription hands its record to the producer.
        return Uni.join().all(outcomes).andFailFast();
    }

    /** Publishes one record in the room {@link #reserve} took for it. */
    public Uni<Void> publish(UUID eventId, String type, String appId, String userId, Object event) {
        AtomicBoolean settled = new AtomicBoolean();
        Runnable free = () -> {
            if (settled.compareAndSet(false, true)) {
                room.free();
            }
        };
        Message<String> message = Message.of(codec.write(event), Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(RecordKeys.of(appId, userId))
                        .withHeaders(CloudEventHeaders.of(eventId, type, CloudEventHeaders.appSource(appId), clock.instant()))
                        .build()),
                () -> {
                    free.run();
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    free.run();
                    return CompletableFuture.completedFuture(null);
                });
        return emitter.sendMessage(message)
                // A record the emitter refused at once is never acknowledged nor failed by the broker.
                .onFailure().invoke(free)
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure().transform(failure -> {
                    notAcknowledged.increment();
                    return new BrokerUnavailableException(failure);
                });
    }
}
