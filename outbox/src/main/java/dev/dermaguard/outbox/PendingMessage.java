package dev.dermaguard.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;

import io.vertx.mutiny.sqlclient.Row;

import dev.dermaguard.contract.kafka.CloudEventHeaders;

/** An outbox row as a relay publishes it. */
record PendingMessage(long id, String topic, String key, UUID eventId, String type, String payload, Instant createdAt,
        String traceParent) {

    static final String COLUMNS = "id, topic, record_key, event_id, event_type, payload, created_at, trace_parent";

    static PendingMessage of(Row row) {
        return new PendingMessage(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                row.getUUID("event_id"), row.getString("event_type"), row.getString("payload"),
                row.getOffsetDateTime("created_at").toInstant(), row.getString("trace_parent"));
    }

    /**
     * The event's CloudEvents attributes, its time when it was written, not when a relay got to it; and the trace
     * context of the transaction that wrote it, so the consumer continues that trace.
     */
    Headers headers(String source) {
        Headers headers = CloudEventHeaders.of(eventId, type, source, createdAt);
        if (traceParent != null) {
            headers.add(TraceParent.HEADER, traceParent.getBytes(StandardCharsets.US_ASCII));
        }
        return headers;
    }
}
