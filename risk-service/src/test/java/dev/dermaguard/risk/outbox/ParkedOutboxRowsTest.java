package dev.dermaguard.risk.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.infra.KafkaAcls;
import dev.dermaguard.testsupport.LocalInfraTestResource;
import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.risk.TestDatabase;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/**
 * The relay against a real broker: rows that can never be sent (their topic absent, too large for it) are parked
 * with the reason, the rows written before and after them go out in order, and an operator lists the parked rows
 * and sends one again once its cause is gone.
 */
@QuarkusTest
@RiskInfrastructure
class ParkedOutboxRowsTest {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    /** Larger than the producer's max.request.size (1 MiB by default). */
    private static final int TOO_LARGE = 1024 * 1024 + 1;

    @Inject
    TestDatabase database;
    @Inject
    TopicClient topics;
    // The PLAINTEXT listener: the test administers topics, which risk-service itself may not.
    @ConfigProperty(name = LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS)
    String bootstrapServers;

    private final String key = "parking:" + UUID.randomUUID();

    @Test
    void unsendableRowsAreParkedWithTheirReasonAndTheOthersFlowInOrder() throws Exception {
        // risk-service may write this topic, as it would a topic an operator deleted; the alerts it may not write.
        String absent = "parking-" + UUID.randomUUID();
        grantRiskService(absent);
        List<Long> ids = OutboxTables.write(database, key, List.of(
                new OutboxTables.Row(Topics.RISK_ASSESSMENTS, "{\"n\":\"before\"}"),
                new OutboxTables.Row(absent, "{\"n\":\"absent\"}"),
                new OutboxTables.Row(Topics.ALERTS, "{\"n\":\"forbidden\"}"),
                new OutboxTables.Row(Topics.RISK_ASSESSMENTS, "\"" + "x".repeat(TOO_LARGE) + "\""),
                new OutboxTables.Row(Topics.RISK_ASSESSMENTS, "{\"n\":\"after\"}")));
        long absentId = ids.get(1);
        long forbiddenId = ids.get(2);
        long largeId = ids.get(3);

        List<ConsumerRecord<String, String>> published = topics.awaitRecords(Topics.RISK_ASSESSMENTS,
                r -> r.key().equals(key), 2, WITHIN);
        assertEquals(List.of("{\"n\":\"before\"}", "{\"n\":\"after\"}"), published.stream().map(ConsumerRecord::value).toList());
        assertTrue(published.get(0).offset() < published.get(1).offset(), "in the order they were written");

        Map<Long, String> parked = parkedReasons();
        assertTrue(parked.get(absentId).contains("does not exist"), parked.toString());
        assertTrue(parked.get(forbiddenId).contains("not authorized"), parked.toString());
        assertTrue(parked.get(largeId).contains("too large"), parked.toString());
        assertEquals(0, OutboxTables.count(database, "outbox_message", key), "nothing left in the outbox");

        given().header("X-API-Key", DevKeys.OPERATOR).when().get("/v1/operator/outbox/parked").then().statusCode(200)
                .body("id", hasItem((int) absentId))
                .body("find { it.id == " + absentId + " }.topic", equalTo(absent))
                .body("find { it.id == " + absentId + " }.reason", containsString("does not exist"))
                .body("find { it.id == " + absentId + " }", not(hasKey("payload")));
        given().header("X-API-Key", DevKeys.APP).when().get("/v1/operator/outbox/parked").then().statusCode(403);
        given().header("X-API-Key", DevKeys.OPERATOR).when().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'Outbox parked rows' }.status", equalTo("DOWN"));

        createTopic(absent);
        given().header("X-API-Key", DevKeys.OPERATOR).when().post("/v1/operator/outbox/parked/{id}/retry", absentId)
                .then().statusCode(202);

        List<ConsumerRecord<String, String>> retried = topics.awaitRecords(absent, r -> r.key().equals(key), 1, WITHIN);
        assertEquals("{\"n\":\"absent\"}", retried.get(0).value());
        given().header("X-API-Key", DevKeys.OPERATOR).when().get("/v1/operator/outbox/parked").then().statusCode(200)
                .body("id", not(hasItem((int) absentId)))
                .body("id", hasItem((int) largeId));
        given().header("X-API-Key", DevKeys.OPERATOR).when().post("/v1/operator/outbox/parked/{id}/retry", absentId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private Map<Long, String> parkedReasons() throws SQLException {
        Map<Long, String> reasons = new LinkedHashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("select id, reason from outbox_parked where record_key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reasons.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return reasons;
    }

    private void grantRiskService(String topic) throws Exception {
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        List<AclBinding> grants = List.of(AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS)
                .stream().map(operation -> new AclBinding(pattern, new AccessControlEntry(
                        "User:" + KafkaAcls.RISK_SERVICE, "*", operation, AclPermissionType.ALLOW)))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createAcls(grants).all().get();
        }
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get();
        }
    }
}
