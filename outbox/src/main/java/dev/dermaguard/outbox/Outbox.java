package dev.dermaguard.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.persistence.NativeSql;
import dev.dermaguard.support.kafka.EventCodec;

/**
 * Queues events for publication inside the caller's transaction: they are published if and only if the
 * transaction commits, which closes the gap between writing a row and sending a record.
 */
@ApplicationScoped
public class Outbox {

    /** One statement for any number of rows, kept in the order given: the relay sends them in that order. */
    private static final String INSERT = "insert into outbox_message (topic, record_key, event_id, event_type, payload,"
            + " trace_parent) select topic, record_key, event_id, event_type, payload, trace_parent"
            + " from unnest(cast(:topics as text[]), cast(:keys as text[]), cast(:ids as uuid[]),"
            + " cast(:types as text[]), cast(:payloads as text[]), cast(:traces as text[]))"
            + " with ordinality as m(topic, record_key, event_id, event_type, payload, trace_parent, position)"
            + " order by position";

    /** A record to queue, with the trace of the work that made it. */
    public record Message(String topic, String recordKey, UUID eventId, String eventType, String payload,
            String traceParent) {
    }

    private final EventCodec codec;

    public Outbox(EventCodec codec) {
        this.codec = codec;
    }

    /** The record of an event already written as JSON, in the current trace; {@link #enqueue(List)} queues it. */
    public Message message(String topic, String recordKey, UUID eventId, String eventType, String payload) {
        return new Message(topic, recordKey, eventId, eventType, payload, TraceParent.current().orElse(null));
    }

    /** Must run inside {@code Panache.withTransaction} (or {@code @WithTransaction}). */
    public Uni<Void> enqueue(String topic, String recordKey, UUID eventId, String eventType, Object event) {
        return enqueue(List.of(message(topic, recordKey, eventId, eventType, codec.write(event))));
    }

    /** Queues the messages in one statement; must run inside a transaction. */
    public Uni<Void> enqueue(List<Message> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Arrays, one parameter each: a list would be expanded into a row, (?, ?, ...).
        return NativeSql.update(INSERT, Map.of(
                "topics", messages.stream().map(Message::topic).toArray(String[]::new),
                "keys", messages.stream().map(Message::recordKey).toArray(String[]::new),
                "ids", messages.stream().map(Message::eventId).toArray(UUID[]::new),
                "types", messages.stream().map(Message::eventType).toArray(String[]::new),
                "payloads", messages.stream().map(Message::payload).toArray(String[]::new),
                "traces", messages.stream().map(Message::traceParent).toArray(String[]::new))).replaceWithVoid();
    }
}
