package dev.dermaguard.outbox;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.kafka.EventCodec;

/**
 * Queues an event for publication inside the caller's transaction: it is published if and only if the
 * transaction commits, which closes the gap between writing a row and sending a record.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;

    public Outbox(EventCodec codec) {
        this.codec = codec;
    }

    /** Must run inside {@code Panache.withTransaction} (or {@code @WithTransaction}). */
    public Uni<Void> enqueue(String topic, String recordKey, UUID eventId, String eventType, Object event) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.recordKey = recordKey;
        message.eventId = eventId;
        message.eventType = eventType;
        message.payload = codec.write(event);
        message.traceParent = TraceParent.current().orElse(null);
        return message.persist().replaceWithVoid();
    }
}
