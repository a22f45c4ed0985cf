package dev.dermaguard.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Outbox rows that can never be sent, kept with their reason for an operator, who lists them and sends one again
 * once its cause is gone (the topic created, the authorization granted). The gauge
 * {@code dermaguard.outbox.parked} counts them.
 */
@ApplicationScoped
public class ParkedRows {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A parked row as an operator sees it: where it was going and why it did not; never its payload (health data). */
    public record Parked(long id, String topic, String recordKey, UUID eventId, String eventType, Instant createdAt,
            String reason, Instant parkedAt) {

        static Parked of(Row row) {
            return new Parked(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                    row.getUUID("event_id"), row.getString("event_type"),
                    row.getOffsetDateTime("created_at").toInstant(), row.getString("reason"),
                    row.getOffsetDateTime("parked_at").toInstant());
        }
    }

    private final Pool database;
    private final AtomicLong parked = new AtomicLong();

    public ParkedRows(Pool database, MeterRegistry metrics) {
        this.database = database;
        metrics.gauge("dermaguard.outbox.parked", parked);
    }

    /** Moves the rows out of the outbox, each with its reason, in one statement; blocks (the relay's thread). */
    void park(Map<Long, String> reasons) {
        List<Long> ids = new ArrayList<>(reasons.keySet());
        List<String> why = ids.stream().map(reasons::get).toList();
        database.preparedQuery("""
                with moved as (delete from outbox_message where id = any($1) returning *)
                insert into outbox_parked (id, topic, record_key, event_id, event_type, payload, created_at, reason)
                select m.id, m.topic, m.record_key, m.event_id, m.event_type, m.payload, m.created_at, r.reason
                from moved m join unnest($1::bigint[], $2::text[]) as r(id, reason) on r.id = m.id""")
                .execute(Tuple.of(ids.toArray(Long[]::new), why.toArray(String[]::new))).await().atMost(WAIT);
        summary().await().atMost(WAIT);
    }

    /** Oldest first; {@code after} a parked id pages on. */
    public Uni<List<Parked>> list(int limit, long after) {
        return database.preparedQuery("""
                select id, topic, record_key, event_id, event_type, created_at, reason, parked_at
                from outbox_parked where id > $1 order by id limit $2""")
                .execute(Tuple.of(after, limit))
                .map(rows -> {
                    List<Parked> list = new ArrayList<>();
                    rows.forEach(row -> list.add(Parked.of(row)));
                    return list;
                });
    }

    /**
     * Puts the row back in the outbox, behind every row written since (the relay sends it on its next round), and
     * answers its new outbox id; empty when no row is parked under this id.
     */
    public Uni<Optional<Long>> retry(long id) {
        return database.preparedQuery("""
                with moved as (delete from outbox_parked where id = $1 returning *)
                insert into outbox_message (topic, record_key, event_id, event_type, payload, created_at)
                select topic, record_key, event_id, event_type, payload, created_at from moved
                returning id""")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.<Long>empty()
                        : Optional.of(rows.iterator().next().getLong("id")))
                .call(this::summary);
    }

    /** How many rows are parked, and when the oldest was; refreshes the gauge. */
    public Uni<Summary> summary() {
        return database.query("select count(*) as parked, min(parked_at) as oldest from outbox_parked").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    parked.set(row.getLong("parked"));
                    return new Summary(row.getLong("parked"), Optional.ofNullable(row.getOffsetDateTime("oldest"))
                            .map(java.time.OffsetDateTime::toInstant));
                });
    }

    public record Summary(long parked, Optional<Instant> oldest) {
    }

    void countAtStart(@Observes StartupEvent startup) {
        // A database still down leaves the gauge at 0 until the next park, retry or health check.
        summary().subscribe().with(counted -> { }, failed -> { });
    }
}
