package dev.dermaguard.outbox;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A record waiting to be published; {@link TransactionalOutboxRelay} sends it and deletes it. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    public String payload;

    /** The W3C {@code traceparent} of the writing transaction; null when it ran outside a trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
