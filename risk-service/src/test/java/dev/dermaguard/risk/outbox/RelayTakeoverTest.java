package dev.dermaguard.risk.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.testsupport.LocalInfraTestResource;
import dev.dermaguard.outbox.OutboxConfig;
import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.risk.TestDatabase;
import dev.dermaguard.testsupport.TopicClient;

/**
 * The relay's hand-over, against a real broker and PostgreSQL. The test plays a second instance: it takes the
 * advisory lock from the running relay (whose connection dies, as on a network split, without it noticing), fences
 * its producer by starting one with the same transactional id, publishes the rows in a committed Kafka transaction
 * with their progress record, and "crashes" before deleting them. The relay, once it has the lock again, must
 * delete those rows without sending them a second time, and its own fenced attempt must leave nothing visible.
 */
@QuarkusTest
@RiskInfrastructure
class RelayTakeoverTest {

    private static final Duration WITHIN = Duration.ofSeconds(90);

    @Inject
    TestDatabase database;
    @Inject
    TopicClient topics;
    @Inject
    OutboxConfig outbox;
    @ConfigProperty(name = LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    private final String key = "takeover:" + UUID.randomUUID();

    @Test
    void rowsACrashedPublisherCommittedAreDeletedNotSentAgainAndTheFencedRelayDoublesNothing() throws Exception {
        List<String> payloads = List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        try (Connection lock = database.connect()) {
            takeLockFromRelay(lock);
            try (KafkaProducer<String, String> crashing = transactionalProducer()) {
                // Fences the relay's producer: from here its transactions abort.
                crashing.initTransactions();
                List<Long> ids = OutboxTables.write(database, key, payloads.stream()
                        .map(payload -> new OutboxTables.Row(Topics.RISK_ASSESSMENTS, payload)).toList());
                crashing.beginTransaction();
                payloads.forEach(payload -> crashing.send(new ProducerRecord<>(Topics.RISK_ASSESSMENTS, key, payload)));
                crashing.send(new ProducerRecord<>(Topics.outboxProgress(outbox.transactionalId()), 0,
                        outbox.transactionalId(), ids.stream().map(String::valueOf).collect(Collectors.joining(","))));
                crashing.commitTransaction();
            }
            // Closing the connection gives the lock up: the crash, with the rows still in the outbox.
            assertEquals(payloads.size(), OutboxTables.count(database, "outbox_message", key));
        }

        await().atMost(WITHIN).until(() -> OutboxTables.count(database, "outbox_message", key) == 0);
        // A row written after the hand-over goes out: the relay publishes again, and anything doubled would be before it.
        OutboxTables.write(database, key, List.of(new OutboxTables.Row(Topics.RISK_ASSESSMENTS, "{\"n\":4}")));
        List<ConsumerRecord<String, String>> published = topics.awaitRecords(Topics.RISK_ASSESSMENTS,
                r -> r.key().equals(key) && r.value().equals("{\"n\":4}"), 1, WITHIN);
        assertEquals(1, published.size());
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}"),
                topics.read(Topics.RISK_ASSESSMENTS, r -> r.key().equals(key)).stream().map(ConsumerRecord::value).toList(),
                "each row once, in order");
    }

    /** Ends the relay's lock session (once the relay holds it) and takes the lock on {@code lock}. */
    private void takeLockFromRelay(Connection lock) {
        await().atMost(WITHIN).until(() -> query(lock, """
                select count(*) filter (where pg_terminate_backend(pid)) = 1 from pg_locks where locktype = 'advisory'
                and granted and objid::bigint = (hashtext(?)::bigint & 4294967295) and pid <> pg_backend_pid()"""));
        // The relay never touches that session again until it fails to publish, so nothing races for the lock.
        await().atMost(WITHIN).until(() -> query(lock, "select pg_try_advisory_lock(hashtext(?))"));
    }

    /** A query on the transactional id that answers one boolean. */
    private boolean query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, outbox.transactionalId());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private KafkaProducer<String, String> transactionalProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, outbox.transactionalId()),
                new StringSerializer(), new StringSerializer());
    }
}
