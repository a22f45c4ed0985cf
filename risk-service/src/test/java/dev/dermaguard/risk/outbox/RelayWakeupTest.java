package dev.dermaguard.risk.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.risk.TestDatabase;
import dev.dermaguard.testsupport.TopicClient;

/**
 * The relay publishes when a transaction that wrote outbox rows commits, not when its timer next fires: with the
 * timer an hour apart, rows committed by another connection (as another instance would) still go out, every batch of
 * them, in order.
 */
@QuarkusTest
@TestProfile(RelayWakeupTest.HourlyTimer.class)
@RiskInfrastructure
class RelayWakeupTest {

    /** Far below the hour the timer waits: only a wake-up on commit publishes in time. */
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final int BATCH_SIZE = 50;

    public static class HourlyTimer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dermaguard.outbox.poll-interval", "1h",
                    "dermaguard.outbox.batch-size", Integer.toString(BATCH_SIZE));
        }
    }

    @Inject
    TestDatabase database;
    @Inject
    TopicClient topics;

    private final String key = "wakeup:" + UUID.randomUUID();

    @Test
    void committedRowsArePublishedAtOnceBatchAfterBatch() throws Exception {
        // Three and a half batches in one transaction: one notification, and each full batch calls for the next.
        List<OutboxTables.Row> rows = IntStream.range(0, 3 * BATCH_SIZE + BATCH_SIZE / 2)
                .mapToObj(n -> new OutboxTables.Row(Topics.RISK_ASSESSMENTS, "{\"n\":" + n + "}"))
                .toList();

        OutboxTables.write(database, key, rows);

        List<ConsumerRecord<String, String>> published = topics.awaitRecords(Topics.RISK_ASSESSMENTS,
                r -> r.key().equals(key), rows.size(), WITHIN);
        assertEquals(rows.stream().map(OutboxTables.Row::payload).toList(),
                published.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset())).map(ConsumerRecord::value).toList());
    }
}
