package dev.dermaguard.risk.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.testsupport.LocalInfraTestResource;
import dev.dermaguard.outbox.ConsumedEventRetention;
import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.risk.TestDatabase;

/**
 * Consumed event ids go only once no consumed topic can still hold their records: after the configured 30 days
 * against the broker's 7-day retention, later when the topic keeps records longer, never while it keeps them forever.
 */
@QuarkusTest
@RiskInfrastructure
class ConsumedEventRetentionTest {

    @Inject
    TestDatabase database;
    @Inject
    ConsumedEventRetention retention;
    // The PLAINTEXT listener: the test administers topics, which risk-service itself may not.
    @ConfigProperty(name = LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    @AfterEach
    void topicRetentionAsTheBrokerSetsIt() throws Exception {
        alterRetention(AlterConfigOp.OpType.DELETE, "");
    }

    @Test
    void idsOlderThanTheRetentionGoAndYoungerOnesStay() throws Exception {
        UUID old = consumedDaysAgo(31);
        UUID young = consumedDaysAgo(29);

        retention.run().await().atMost(Duration.ofSeconds(30));

        assertFalse(kept(old), "31 days old, past the configured 30 days");
        assertTrue(kept(young), "29 days old");
    }

    @Test
    void aTopicThatKeepsRecordsLongerKeepsTheIdsAsLong() throws Exception {
        alterRetention(AlterConfigOp.OpType.SET, Long.toString(Duration.ofDays(60).toMillis()));
        UUID withinTopic = consumedDaysAgo(45);
        UUID pastTopic = consumedDaysAgo(61);

        retention.run().await().atMost(Duration.ofSeconds(30));

        assertTrue(kept(withinTopic), "the topic may still hold its record");
        assertFalse(kept(pastTopic), "past the topic's retention too");
    }

    @Test
    void aTopicThatKeepsRecordsForeverKeepsEveryId() throws Exception {
        alterRetention(AlterConfigOp.OpType.SET, "-1");
        UUID ancient = consumedDaysAgo(400);

        assertEquals(0L, retention.run().await().atMost(Duration.ofSeconds(30)));
        assertTrue(kept(ancient));
    }

    private UUID consumedDaysAgo(int days) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into consumed_event (app_id, event_id, consumed_at) values ('retention-test', ?, now() - make_interval(days => ?))")) {
            insert.setObject(1, id);
            insert.setInt(2, days);
            insert.executeUpdate();
        }
        return id;
    }

    private boolean kept(UUID id) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("select 1 from consumed_event where event_id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private void alterRetention(AlterConfigOp.OpType op, String value) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS);
            admin.incrementalAlterConfigs(Map.of(topic,
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, value), op)))).all().get();
            // The job asks the broker; wait until the broker answers with the new value.
            String expected = op == AlterConfigOp.OpType.DELETE ? Long.toString(Duration.ofDays(7).toMillis()) : value;
            await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(admin.describeConfigs(List.of(topic))
                    .all().get().get(topic).get(TopicConfig.RETENTION_MS_CONFIG).value()));
        }
    }
}
