package dev.dermaguard.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The rows waiting in the outbox: the gauge {@code dermaguard.outbox.backlog}, and readiness, DOWN while rows wait
 * and the relay has completed no round for {@link OutboxConfig#stuckAfter()}. The gauge is counted on each scrape
 * and health check and shows the count of the one before: a scrape never waits for the database.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklog implements AsyncHealthCheck {

    private final Pool database;
    private final TransactionalOutboxRelay relay;
    private final Duration stuckAfter;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong waiting = new AtomicLong();

    public OutboxBacklog(Pool database, TransactionalOutboxRelay relay, OutboxConfig config, MeterRegistry metrics) {
        this.database = database;
        this.relay = relay;
        this.stuckAfter = config.stuckAfter();
        metrics.gauge("dermaguard.outbox.backlog", this, OutboxBacklog::lastCounted);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return count().map(oldest -> {
            Instant lastRound = relay.lastRoundCompleted();
            boolean stuck = waiting.get() > 0 && lastRound.plus(stuckAfter).isBefore(clock.instant());
            HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay")
                    .status(!stuck).withData("waiting", waiting.get()).withData("lastRound", lastRound.toString());
            oldest.ifPresent(at -> response.withData("oldestWaiting", at.toString()));
            return response.build();
        });
    }

    void countAtStart(@Observes StartupEvent startup) {
        lastCounted();
    }

    private double lastCounted() {
        count().subscribe().with(counted -> { }, failed -> { });
        return waiting.get();
    }

    private Uni<Optional<Instant>> count() {
        return database.query("select count(*) as waiting, min(created_at) as oldest from outbox_message").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    waiting.set(row.getLong("waiting"));
                    return Optional.ofNullable(row.getOffsetDateTime("oldest")).map(OffsetDateTime::toInstant);
                });
    }
}
