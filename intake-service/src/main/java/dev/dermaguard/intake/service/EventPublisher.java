package dev.dermaguard.intake.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.kafka.CloudEventHeaders;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.common.kafka.RecordKeys;
import dev.dermaguard.intake.config.IntakeConfig;

/** Publishes an event to {@code microneedling.events} and completes only when the broker acknowledged it. */
@ApplicationScoped
public class EventPublisher {

    public static final String CHANNEL = "events-out";

    private final MutinyEmitter<String> emitter;
    private final EventCodec codec;
    private final IntakeConfig config;
    private final Clock clock = Clock.systemUTC();

    public EventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, EventCodec codec, IntakeConfig config) {
        this.emitter = emitter;
        this.codec = codec;
        this.config = config;
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

    public Uni<Void> publish(UUID eventId, String type, String appId, String userId, Object event) {
        Message<String> message = Message.of(codec.write(event)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(RecordKeys.of(appId, userId))
                .withHeaders(CloudEventHeaders.of(eventId, type, CloudEventHeaders.appSource(appId), clock.instant()))
                .build());
        return emitter.sendMessage(message)
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure().transform(BrokerUnavailableException::new);
    }
}
