package dev.dermaguard.notify.retention;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.notify.config.RetentionConfig;
import dev.dermaguard.notify.repository.Expiry;
import dev.dermaguard.notify.repository.SessionContext;

/**
 * Deletes audit entries and clinic deliveries older than their retention (README, "Alerts"), periodically and in
 * bounded batches: each batch its own short transaction, so readers and writers never wait long. Every instance
 * runs it; two deleting at once only skip each other's rows.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** What expired, as the deletion is audited. */
    public record Purged(long auditEntries, long deliveries) {
    }

    private final Expiry expiry;
    private final Vertx vertx;
    private final RetentionConfig config;
    private final AuditLog audit;
    private long timer = -1;

    public Retention(Expiry expiry, Vertx vertx, RetentionConfig config, AuditLog audit) {
        this.expiry = expiry;
        this.vertx = vertx;
        this.config = config;
        this.audit = audit;
    }

    void start(@Observes StartupEvent startup) {
        timer = vertx.setPeriodic(config.every().toMillis(), tick -> purge().subscribe().with(purged -> { },
                failure -> LOG.warnf("Retention failed, retrying in %s: %s", config.every(), failure.getClass().getName())));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(timer);
    }

    /** From a timer or any thread: it takes a Vert.x context of its own for its sessions. */
    public Uni<Purged> purge() {
        return SessionContext.run(vertx, () -> expire(expiry::deliveries, config.deliveries())
                .flatMap(deliveries -> expire(expiry::auditEntries, config.audit())
                        .map(entries -> new Purged(entries, deliveries)))
                .call(purged -> purged.auditEntries() + purged.deliveries() == 0 ? Uni.createFrom().voidItem()
                        : Panache.withTransaction(() -> audit.record(AuditLog.SERVICE, AuditLog.SERVICE_ID,
                                "retention.deleted", "audit log and clinic deliveries",
                                purged.auditEntries() + " audit entries older than " + config.audit().toDays() + " days, "
                                        + purged.deliveries() + " deliveries older than " + config.deliveries().toDays()
                                        + " days"))));
    }

    /** A batch a transaction, until a batch finds fewer rows than it may delete. */
    private Uni<Long> expire(BiFunction<OffsetDateTime, Integer, Uni<Integer>> batch, Duration age) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
        return Panache.withTransaction(() -> batch.apply(cutoff, config.batch()))
                .flatMap(deleted -> deleted < config.batch() ? Uni.createFrom().item((long) deleted)
                        : expire(batch, age).map(more -> more + deleted));
    }
}
