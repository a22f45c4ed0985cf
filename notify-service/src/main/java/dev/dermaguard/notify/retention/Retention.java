package dev.dermaguard.notify.retention;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.notify.config.RetentionConfig;

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

    private final Pool database;
    private final Vertx vertx;
    private final RetentionConfig config;
    private final AuditLog audit;
    private long timer = -1;

    public Retention(Pool database, Vertx vertx, RetentionConfig config, AuditLog audit) {
        this.database = database;
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

    public Uni<Purged> purge() {
        return expire("clinic_alert", "delivered_at", config.deliveries())
                .flatMap(deliveries -> expire("audit_entry", "at", config.audit())
                        .map(entries -> new Purged(entries, deliveries)))
                .call(purged -> purged.auditEntries() + purged.deliveries() == 0 ? Uni.createFrom().voidItem()
                        : database.withTransaction(connection -> audit.record(connection, AuditLog.SERVICE,
                                AuditLog.SERVICE_ID, "retention.deleted", "audit log and clinic deliveries",
                                purged.auditEntries() + " audit entries older than " + config.audit().toDays() + " days, "
                                        + purged.deliveries() + " deliveries older than " + config.deliveries().toDays()
                                        + " days")));
    }

    /** {@code table} and {@code column} are this class's constants, never input. */
    private Uni<Long> expire(String table, String column, Duration age) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
        return database.preparedQuery("delete from " + table + " where ctid = any(array(select ctid from " + table
                        + " where " + column + " < $1 limit $2))")
                .execute(Tuple.of(cutoff, config.batch()))
                .flatMap(rows -> rows.rowCount() < config.batch() ? Uni.createFrom().item((long) rows.rowCount())
                        : expire(table, column, age).map(more -> more + rows.rowCount()));
    }
}
