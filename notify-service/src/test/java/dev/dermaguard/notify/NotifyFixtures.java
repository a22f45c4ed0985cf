package dev.dermaguard.notify;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.ConsentChanged;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.contract.kafka.RecordKeys;
import dev.dermaguard.testsupport.TopicClient;

/** What notify-service's tests post and read: assessments and consents in, alerts out, as the other services see them. */
public record NotifyFixtures(TopicClient topics, EventCodec codec, Pool database, String appId, String userId) {

    public static final Duration WITHIN = Duration.ofSeconds(30);

    public static Risk risk(RuleName rule, Severity severity) {
        return new Risk(rule, severity, "summary of " + rule, "detail of " + rule,
                new Evidence(List.of(UUID.randomUUID()), "PT24H", "PT168H"), null);
    }

    /** Runs every piece of work at once, each on a Vert.x context of its own, as instances racing would; waits for all. */
    public static void allAtOnce(List<Supplier<Uni<Void>>> work) {
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(work.size(), 16));
        try {
            work.stream().map(piece -> CompletableFuture.runAsync(() -> {
                try {
                    VertxContextSupport.subscribeAndAwait(piece);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }, threads)).toList().forEach(CompletableFuture::join);
        } finally {
            threads.shutdown();
        }
    }

    public RiskAssessed assessment(OffsetDateTime reportedAt, Risk... risks) {
        return new RiskAssessed(UUID.randomUUID(), UUID.randomUUID(), appId, userId, Area.CHEEKS, reportedAt,
                Instant.now(), "1", List.of(risks));
    }

    public static OffsetDateTime daysAgo(double days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(Math.round(days * 24 * 60));
    }

    public RiskAssessed publish(RiskAssessed assessed) {
        topics.send(Topics.RISK_ASSESSMENTS, RecordKeys.of(appId, userId), codec.write(assessed),
                CloudEventHeaders.of(assessed.assessmentId(), EventTypes.RISK_ASSESSED, "/test", Instant.now()));
        return assessed;
    }

    public ConsentChanged consent(String clinicId, boolean granted) {
        ConsentChanged change = new ConsentChanged(UUID.randomUUID(), appId, userId, clinicId, granted,
                OffsetDateTime.now(ZoneOffset.UTC));
        topics.send(Topics.EVENTS, RecordKeys.of(appId, userId), codec.write(change),
                CloudEventHeaders.of(change.eventId(), EventTypes.CONSENT_CHANGED, "/test", Instant.now()));
        return change;
    }

    /** Waits until every event was processed and the outbox relayed what they raised. */
    public void awaitSettled(UUID... eventIds) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
            long processed = database.preparedQuery("select count(*) from consumed_event where event_id = any($1)")
                    .execute(Tuple.of(eventIds)).await().atMost(WITHIN).iterator().next().getLong(0);
            long waiting = database.query("select count(*) from outbox_message").execute()
                    .await().atMost(WITHIN).iterator().next().getLong(0);
            return processed == eventIds.length && waiting == 0;
        });
    }

    /** This user's alerts on a topic, in publication order. */
    public List<AlertRaised> alertsOn(String topic) {
        List<ConsumerRecord<String, String>> records = topics.read(topic, r -> r.key().equals(RecordKeys.of(appId, userId)));
        return records.stream().map(r -> codec.read(r.value(), AlertRaised.class)).toList();
    }
}
