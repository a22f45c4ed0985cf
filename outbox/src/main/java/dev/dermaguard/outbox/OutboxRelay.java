package dev.dermaguard.outbox;

import java.util.ArrayList;
import java.util.List;
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
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


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

    // A Vert.x timer, not @Scheduled: Quarkus' scheduler runs nothing more often than once a second.
    void start(@Observes StartupEvent startup) {
        if (config.transactionalId().isPresent()) {
            return; // TransactionalOutboxRelay publishes
        }
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> {
            if (publishing.compareAndSet(false, true)) {
                publishPending().subscribe().with(done -> publishing.set(false), failed -> publishing.set(false));
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    Uni<Void> publishPending() {
        return lease().flatMap(this::publish)
                .onFailure().invoke(e -> LOG.warnf("Outbox relay round failed, will retry: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<PendingMessage>> lease() {
        return database.preparedQuery("""
                update outbox_message set leased_until = now() + make_interval(secs => $2)
                where id in (select id from outbox_message
                             where leased_until is null or leased_until < now()
                             order by id limit $1 for update skip locked)
                returning\s""" + PendingMessage.COLUMNS)
                .execute(Tuple.of(config.batchSize(), (double) config.lease().toMillis() / 1000))
                .map(rows -> {
                    List<PendingMessage> pending = new ArrayList<>();
                    rows.forEach(row -> pending.add(PendingMessage.of(row)));
                    pending.sort(java.util.Comparator.comparingLong(PendingMessage::id));
                    return pending;
                });
    }

    private Uni<Void> publish(List<PendingMessage> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // A failed send yields null: that row keeps its lease and goes again once it ends; the others are done.
        List<Uni<Long>> sends = batch.stream().map(row -> send(row).onFailure().recoverWithNull()).toList();
        return Uni.join().all(sends).andFailFast()
                .map(ids -> ids.stream().filter(java.util.Objects::nonNull).toList())
                .flatMap(sent -> release(batch, sent));
    }

    private Uni<Long> send(PendingMessage row) {
        Message<String> message = Message.of(row.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .withHeaders(row.headers(source))
                .build());
        return emitter.sendMessage(message).replaceWith(row.id());
    }

    private Uni<Void> release(List<PendingMessage> batch, List<Long> sent) {
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
