package dev.dermaguard.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes the outbox exactly once for consumers that read {@code read_committed}, as Kafka Connect's exactly-once
 * source connectors do (KIP-618): each batch of rows and a progress record naming their ids go to Kafka in one
 * transaction, and the rows are deleted after it commits. A crash before the commit aborts the batch (the next
 * publisher's {@code initTransactions} does it at once) and the rows go again; a crash after it leaves rows that
 * the progress record shows as sent, and the next publisher deletes them without sending.
 * <p>
 * One publisher per database at a time: the holder of a PostgreSQL advisory lock, sending rows in id order, so one
 * key's records keep the order they were written in. Kafka fences a publisher that lost the lock without noticing
 * (same transactional id, older epoch), so its batch aborts instead of doubling.
 * <p>
 * When a transaction fails, the admin client tells whether some rows can never be sent ({@link UnsendableRows});
 * those are parked ({@link ParkedRows}) and the rest go in the next round. A broker that is down or slow parks
 * nothing: the round is tried again until it goes through.
 * <p>
 * The progress topic {@code <transactional id>.progress} is created up front, never here. Runs on a thread of its
 * own: the Kafka transaction calls block. A round runs when a transaction that wrote rows commits (the publisher
 * listens for the outbox's commit notification, migration V5_2, from any instance) and again at once after a full
 * batch; the poll interval is only the fallback.
 */
@ApplicationScoped
public class TransactionalOutboxRelay {

    private static final Logger LOG = Logger.getLogger(TransactionalOutboxRelay.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A progress record and its commit marker per batch: the last committed one is in this tail but for a storm of aborts. */
    private static final int PROGRESS_TAIL = 100;
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);
    private static final String WRITTEN = "outbox_message_written";

    private final Pool database;
    private final OutboxConfig config;
    private final KafkaClients kafka;
    private final ParkedRows parked;
    private final String source;
    private final String transactionalId;
    private final String progressTopic;
    private final Map<String, Object> producerSettings;
    private ScheduledExecutorService thread;
    /** A round is queued behind the running one: more wake-ups until it starts add nothing. */
    private final AtomicBoolean roundQueued = new AtomicBoolean();

    /** Set while this instance is the publisher. */
    private KafkaProducer<String, String> producer;
    private SqlConnection lockHolder;
    /** Rows in a committed Kafka transaction, not deleted yet. */
    private List<Long> sentNotDeleted = List.of();
    /** Topics of rows parked lately: {@link #parkKnownUnsendable} checks their rows before they are sent. */
    private final Set<String> unsendableTopics = new HashSet<>();
    /** Zero while rounds succeed; the wait before the next round after failures. */
    private Duration backOff = Duration.ZERO;
    private long resumeAt = System.nanoTime();
    /** When a round last went through (published, or found another instance publishing): readiness watches it. */
    private volatile Instant lastRoundCompleted = Instant.now();

    public TransactionalOutboxRelay(Pool database, OutboxConfig config, KafkaClients kafka, ParkedRows parked,
            @ConfigProperty(name = "quarkus.application.name") String name) {
        this.database = database;
        this.config = config;
        this.kafka = kafka;
        this.parked = parked;
        this.source = "/dermaguard/" + name;
        this.transactionalId = config.transactionalId();
        this.progressTopic = transactionalId + ".progress";
        this.producerSettings = Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                // Bounds how long read_committed consumers wait behind the open transaction of a publisher that died.
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofSeconds(10).toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis(),
                // A record for a topic deleted under the producer is retried until this passes, and the whole
                // relay waits with it: 15 s (not the default 2 min) until it fails and the row is parked.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(15).toMillis());
    }

    void start(@Observes StartupEvent startup) {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        thread.scheduleWithFixedDelay(this::round, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stepDown();
    }

    private void round() {
        if (System.nanoTime() < resumeAt) {
            return;
        }
        try {
            if (producer == null && !takeOver()) {
                lastRoundCompleted = Instant.now();
                return;
            }
            deleteSent();
            List<PendingMessage> batch = pending();
            if (!batch.isEmpty()) {
                publishOrPark(batch);
                deleteSent();
                if (batch.size() == config.batchSize()) {
                    wake();
                }
            }
            backOff = Duration.ZERO;
            lastRoundCompleted = Instant.now();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            LOG.warnf("Another instance publishes the outbox now: %s", e.getClass().getSimpleName());
            stepDown();
        } catch (RuntimeException e) {
            // While the database or the broker is away, rounds thin out to one per MAX_BACK_OFF.
            backOff = backOff.isZero() ? config.pollInterval()
                    : backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
            resumeAt = System.nanoTime() + backOff.toNanos();
            // The class only: messages of lower layers may quote payloads.
            LOG.warnf("Outbox relay round failed, retrying in %d ms: %s", backOff.toMillis(), e.getClass().getName());
            stepDown();
        }
    }

    Instant lastRoundCompleted() {
        return lastRoundCompleted;
    }

    private void publishOrPark(List<PendingMessage> batch) {
        List<PendingMessage> sendable = parkKnownUnsendable(batch);
        if (sendable.isEmpty()) {
            return;
        }
        try {
            publish(sendable);
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw e;
        } catch (KafkaException e) {
            Map<Long, String> unsendable = unsendable(sendable);
            if (unsendable.isEmpty()) {
                throw e;
            }
            park(sendable, unsendable);
            // The aborted transaction left the producer usable; the other rows go in the next round.
        }
    }

    /**
     * Rows for a topic that was unsendable in an earlier round are checked before they are sent: a send to a
     * missing topic blocks the whole relay for max.block.ms, once per round, while every other alert waits. A topic
     * whose rows pass the check (it was created again, the grant restored) is tried as usual.
     */
    private List<PendingMessage> parkKnownUnsendable(List<PendingMessage> batch) {
        List<PendingMessage> suspect = batch.stream().filter(row -> unsendableTopics.contains(row.topic())).toList();
        if (suspect.isEmpty()) {
            return batch;
        }
        Map<Long, String> unsendable = unsendable(suspect);
        unsendableTopics.clear();
        park(suspect, unsendable);
        return batch.stream().filter(row -> !unsendable.containsKey(row.id())).toList();
    }

    private void park(List<PendingMessage> rows, Map<Long, String> unsendable) {
        if (unsendable.isEmpty()) {
            return;
        }
        unsendable.forEach((id, reason) -> LOG.errorf("Outbox row %d parked: %s", id, reason));
        parked.park(unsendable);
        rows.stream().filter(row -> unsendable.containsKey(row.id())).forEach(row -> unsendableTopics.add(row.topic()));
    }

    private Map<Long, String> unsendable(List<PendingMessage> batch) {
        int maxRequestSize = Integer.parseInt(String.valueOf(kafka.setting(producerSettings,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE)));
        try (Admin admin = kafka.admin()) {
            return new UnsendableRows(admin, maxRequestSize, source).of(batch);
        }
    }

    /** Becomes the publisher if no other instance is: the lock, then fencing every older producer of this id. */
    private boolean takeOver() {
        SqlConnection connection = database.getConnection().await().atMost(WAIT);
        boolean locked = connection.preparedQuery("select pg_try_advisory_lock(hashtext($1))")
                .execute(Tuple.of(transactionalId)).await().atMost(WAIT).iterator().next().getBoolean(0);
        if (!locked) {
            connection.close().await().atMost(WAIT);
            return false;
        }
        lockHolder = connection;
        PgConnection.cast(connection).notificationHandler(notification -> wake());
        connection.query("listen " + WRITTEN).execute().await().atMost(WAIT);
        producer = kafka.producer(producerSettings);
        // Aborts the open transaction of a crashed publisher, completes a committing one, fences both.
        producer.initTransactions();
        sentNotDeleted = lastCommittedBatch();
        LOG.infof("Publishing the outbox; %d rows of the last committed batch still to delete", sentNotDeleted.size());
        return true;
    }

    /** Runs a round as soon as the running one (if any) ends. */
    private void wake() {
        if (roundQueued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    roundQueued.set(false);
                    round();
                });
            } catch (RejectedExecutionException e) {
                // Shutting down: no more rounds.
            }
        }
    }

    private void stepDown() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        if (lockHolder != null) {
            SqlConnection connection = lockHolder;
            lockHolder = null;
            // Unlock and stop listening before the connection returns to the pool; a broken connection did both.
            connection.preparedQuery("select pg_advisory_unlock(hashtext($1))").execute(Tuple.of(transactionalId))
                    .onItemOrFailure().call(() -> connection.query("unlisten " + WRITTEN).execute())
                    .onItemOrFailure().call(connection::close)
                    .subscribe().with(done -> { }, failed -> { });
        }
        sentNotDeleted = List.of();
    }

    private List<PendingMessage> pending() {
        // The only publisher: every row, in id order.
        List<PendingMessage> batch = new ArrayList<>();
        database.preparedQuery("select " + PendingMessage.COLUMNS + " from outbox_message order by id limit $1")
                .execute(Tuple.of(config.batchSize())).await().atMost(WAIT)
                .forEach(row -> batch.add(PendingMessage.of(row)));
        return batch;
    }

    private void publish(List<PendingMessage> batch) {
        List<Long> ids = batch.stream().map(PendingMessage::id).toList();
        producer.beginTransaction();
        try {
            for (PendingMessage row : batch) {
                failedAtOnce(producer.send(new ProducerRecord<>(row.topic(), null, row.key(), row.payload(),
                        row.headers(source))));
            }
            producer.send(new ProducerRecord<>(progressTopic, 0, transactionalId,
                    ids.stream().map(String::valueOf).collect(Collectors.joining(","))));
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw e;
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
        sentNotDeleted = ids;
    }

    /**
     * Throws when the send failed before it left the producer (no metadata for its topic, too large): each further
     * send to a missing topic would block for max.block.ms, so the batch stops at the first.
     */
    private static void failedAtOnce(Future<RecordMetadata> sent) {
        if (sent.isDone()) {
            try {
                sent.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof KafkaException cause ? cause : new KafkaException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException(e);
            }
        }
    }

    private void deleteSent() {
        if (sentNotDeleted.isEmpty()) {
            return;
        }
        database.preparedQuery("delete from outbox_message where id = any($1)")
                .execute(Tuple.of(sentNotDeleted.toArray(Long[]::new))).await().atMost(WAIT);
        sentNotDeleted = List.of();
    }

    /** The ids in the newest committed progress record; read after initTransactions, so nothing is in flight. */
    private List<Long> lastCommittedBatch() {
        try (KafkaConsumer<String, String> consumer = kafka.consumer(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
            TopicPartition partition = new TopicPartition(progressTopic, 0);
            consumer.assign(List.of(partition));
            long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            String last = readLast(consumer, partition, Math.max(begin, end - PROGRESS_TAIL), end);
            if (last == null && end - PROGRESS_TAIL > begin) {
                last = readLast(consumer, partition, begin, end);
            }
            return last == null || last.isEmpty() ? List.of()
                    : Arrays.stream(last.split(",")).map(Long::valueOf).toList();
        }
    }

    private static String readLast(KafkaConsumer<String, String> consumer, TopicPartition partition, long from, long end) {
        consumer.seek(partition, from);
        String last = null;
        while (consumer.position(partition) < end) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                last = record.value();
            }
        }
        return last;
    }
}
