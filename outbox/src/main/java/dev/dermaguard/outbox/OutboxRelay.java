package dev.dermaguard.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.dermaguard.common.kafka.CloudEventHeaders;

/**
 * Publishes committed outbox rows in id order and deletes them once the broker acknowledged them. A crash
 * after the send and before the delete sends a row again when its lease ends: consumers deduplicate by event
 * id, so that costs a duplicate record, never a lost or doubled effect.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool database;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final String source;
    private final Vertx vertx;
    private final AtomicBoolean publishing = new AtomicBoolean();
    private long timer = -1;

    public OutboxRelay(Pool database, @Channel("outbox") MutinyEmitter<String> emitter, OutboxConfig config,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name") String name,
            Vertx vertx) {
        this.vertx = vertx;
        this.database = database;
        this.emitter = emitter;
        this.config = config;
        this.source = "/dermaguard/" + name;
    }

    private record Pending(long id, String topic, String key, UUID eventId, String type, String payload,
            java.time.Instant createdAt) {

        static Pending of(Row row) {
            return new Pending(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                    row.getUUID("event_id"), row.getString("event_type"), row.getString("payload"),
                    row.getOffsetDateTime("created_at").toInstant());
        }
    }

    // A Vert.x timer, not @Scheduled: Quarkus' scheduler runs nothing more often than once a second.
    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> {
            if (publishing.compareAndSet(false, true)) {
                publishPending().subscribe().with(done -> publishing.set(false), failed -> publishing.set(false));
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
    }

    Uni<Void> publishPending() {
        return lease().flatMap(this::publish)
                .onFailure().invoke(e -> LOG.warnf("Outbox relay round failed, will retry: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<Pending>> lease() {
        return database.preparedQuery("""
                update outbox_message set leased_until = now() + make_interval(secs => $2)
                where id in (select id from outbox_message
                             where leased_until is null or leased_until < now()
                             order by id limit $1 for update skip locked)
                returning id, topic, record_key, event_id, event_type, payload, created_at""")
                .execute(Tuple.of(config.batchSize(), (double) config.lease().toMillis() / 1000))
                .map(rows -> {
                    List<Pending> pending = new ArrayList<>();
                    rows.forEach(row -> pending.add(Pending.of(row)));
                    pending.sort(java.util.Comparator.comparingLong(Pending::id));
                    return pending;
                });
    }

    private Uni<Void> publish(List<Pending> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // A failed send yields null: that row keeps its lease and goes again once it ends; the others are done.
        List<Uni<Long>> sends = batch.stream().map(row -> send(row).onFailure().recoverWithNull()).toList();
        return Uni.join().all(sends).andFailFast()
                .map(ids -> ids.stream().filter(java.util.Objects::nonNull).toList())
                .flatMap(sent -> release(batch, sent));
    }

    private Uni<Long> send(Pending row) {
        Message<String> message = Message.of(row.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .withHeaders(CloudEventHeaders.of(row.eventId(), row.type(), source, row.createdAt()))
                .build());
        return emitter.sendMessage(message).replaceWith(row.id());
    }

    private Uni<Void> release(List<Pending> batch, List<Long> sent) {
        if (sent.size() < batch.size()) {
            LOG.warnf("Outbox: %d of %d records not acknowledged by the broker, resending later",
                    batch.size() - sent.size(), batch.size());
        }
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return database.preparedQuery("delete from outbox_message where id = any($1)")
                .execute(Tuple.of(sent.toArray(Long[]::new)))
                .replaceWithVoid();
    }
}
