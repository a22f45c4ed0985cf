package dev.dermaguard.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Deletes consumed event ids once no topic the service reads can still hold their records, so a replay from the
 * start of a topic finds every id it could meet and changes nothing. Each run keeps ids for the configured time or
 * for the longest {@code retention.ms} of the consumed topics, whichever is longer; it deletes nothing when a topic
 * keeps its records forever or the broker cannot say how long it keeps them. Deletes in bounded batches.
 */
@ApplicationScoped
public class ConsumedEventRetention {

    private static final Logger LOG = Logger.getLogger(ConsumedEventRetention.class);
    private static final long ADMIN_TIMEOUT_MS = 10_000;

    private final Pool database;
    private final KafkaClients kafka;
    private final OutboxConfig.ConsumedEventRetention config;
    private final Vertx vertx;
    private long timer = -1;

    public ConsumedEventRetention(Pool database, KafkaClients kafka, OutboxConfig config, Vertx vertx) {
        this.database = database;
        this.kafka = kafka;
        this.config = config.consumedEvents();
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.interval().toMillis(), tick -> run().subscribe().with(
                deleted -> LOG.debugf("Deleted %d consumed event ids past their retention", deleted),
                failed -> LOG.warnf("Consumed event retention skipped this run: %s", failed.getClass().getName())));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    /** One run, as the timer starts it: how many ids it deleted (0 when it may not delete). */
    public Uni<Long> run() {
        // The admin client blocks: off the event loop.
        return Uni.createFrom().item(this::keep).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(keep -> keep.map(this::deleteOlderThan).orElseGet(() -> Uni.createFrom().item(0L)));
    }

    /** How long ids must stay; empty when they must stay forever or no one can tell. */
    private Optional<Duration> keep() {
        Optional<Duration> topics = longestTopicRetention();
        return topics.map(topic -> topic.compareTo(config.keep()) > 0 ? topic : config.keep());
    }

    private Optional<Duration> longestTopicRetention() {
        List<ConfigResource> resources = config.topics().stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        try (Admin admin = kafka.admin()) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                    .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<Long> retentions = configs.values().stream()
                    .map(topic -> Long.parseLong(topic.get(TopicConfig.RETENTION_MS_CONFIG).value()))
                    .collect(Collectors.toList());
            if (retentions.stream().anyMatch(ms -> ms < 0)) {
                LOG.infof("A topic of %s keeps its records forever: consumed event ids are kept forever too",
                        config.topics());
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(retentions.stream().mapToLong(Long::longValue).max().orElse(0)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Cannot read the retention of %s (%s): no consumed event id deleted this run", config.topics(),
                    e.getClass().getName());
            return Optional.empty();
        }
    }

    private Uni<Long> deleteOlderThan(Duration keep) {
        return deleteBatch(keep).flatMap(deleted -> deleted < config.batchSize() ? Uni.createFrom().item((long) deleted)
                : deleteOlderThan(keep).map(more -> deleted + more));
    }

    private Uni<Integer> deleteBatch(Duration keep) {
        return database.preparedQuery("""
                delete from consumed_event where ctid = any(array(
                    select ctid from consumed_event where consumed_at < now() - make_interval(secs => $1) limit $2))""")
                .execute(Tuple.of((double) keep.toSeconds(), config.batchSize()))
                .map(rows -> rows.rowCount());
    }
}
