package dev.dermaguard.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.infra.LocalStack;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/**
 * notify-service killed with SIGKILL while sessions stream in, then restarted: every alert the sessions call for
 * is on microneedling.alerts, and on the consenting clinic's topic, exactly once, as a read_committed consumer
 * (a clinic) reads them.
 */
@ExtendWith(RunningStack.class)
class AlertingEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLINIC = "demo-clinic";
    private static final int USERS = 20;
    private static final List<String> AREAS = List.of("CHEEKS", "FOREHEAD");




    @Test
    void aCrashOfNotifyServiceMidStreamLosesAndDoublesNoAlert() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add("crash-" + run + "-" + i);
        }
        users.forEach(user -> postConsent(user));
        // Consents and sessions travel different paths: the consents must stand before the first alert is raised.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> given().baseUri(RunningStack.stack().notifyUrl())
                .header("X-API-Key", DevKeys.OPERATOR).get("/v1/audit?limit=1000")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.action == 'consent.granted' && it.subject.contains('crash-" + run + "-') }")
                .size() == USERS);
        // Per user and area three sessions a day apart: the second is a HEALING_GAP, the third one more inside
        // its cooldown, folded into the same alert. So one alert per (user, area).
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusDays(10);
        List<Runnable> sessions = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            for (String user : users) {
                for (String area : AREAS) {
                    OffsetDateTime at = start.plusDays(day);
                    sessions.add(() -> postSession(user, at, area));
                }
            }
        }
        sessions.subList(0, sessions.size() / 2).forEach(Runnable::run);
        RunningStack.stack().stopService(LocalStack.NOTIFY_SERVICE, true);
        sessions.subList(sessions.size() / 2, sessions.size()).forEach(Runnable::run);
        RunningStack.stack().startService(LocalStack.NOTIFY_SERVICE);

        int expected = USERS * AREAS.size();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> alertsOf(Topics.ALERTS, run).size() >= expected && notifyCaughtUp());
        // Whatever a restarted relay would resend, it resends at once: the count must hold still.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> alertsOf(Topics.ALERTS, run).size() == expected);

        for (String topic : List.of(Topics.ALERTS, Topics.clinicAlerts(CLINIC))) {
            List<JsonNode> alerts = alertsOf(topic, run);
            Map<String, Long> perAlert = count(alerts, a -> a.get("alertId").asText());
            Map<String, Long> perDecision = count(alerts,
                    a -> a.get("userId").asText() + "/" + a.get("rule").asText() + "/" + a.get("area").asText());
            assertEquals(expected, perAlert.size(), topic + ": every alert");
            assertEquals(Map.of(1L, (long) expected), count(perAlert.values(), n -> n), topic + ": each alert once");
            assertEquals(expected, perDecision.size(), topic + ": one alert per user and area");
            assertEquals(Map.of(1L, (long) expected), count(perDecision.values(), n -> n),
                    topic + ": each (user, rule, area) decided once");
        }
    }

    private static <T, K> Map<K, Long> count(java.util.Collection<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static List<JsonNode> alertsOf(String topic, String run) {
        return RunningStack.topics().read(topic, r -> r.key().startsWith("demo-app:crash-" + run + "-")).stream()
                .map(r -> {
                    try {
                        return JSON.readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    /**
     * notify-service has committed a position past the last record of every assessment partition. Past the last
     * record, not at the log end: risk-service publishes in Kafka transactions, and each ends with a commit marker
     * that takes an offset of its own but is never a record to consume.
     */
    private static boolean notifyCaughtUp() throws Exception {
        Map<TopicPartition, Long> lastRecord = RunningStack.topics().read(Topics.RISK_ASSESSMENTS, r -> true).stream()
                .collect(Collectors.toMap(r -> new TopicPartition(r.topic(), r.partition()), ConsumerRecord::offset, Math::max));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.stack().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("notify-service").partitionsToOffsetAndMetadata().get();
            return !lastRecord.isEmpty() && lastRecord.entrySet().stream().allMatch(last ->
                    committed.containsKey(last.getKey()) && committed.get(last.getKey()).offset() > last.getValue());
        }
    }

    private static void postConsent(String user) {
        given().baseUri(RunningStack.stack().intakeUrl()).header("X-API-Key", DevKeys.APP).contentType(ContentType.JSON)
                .body("""
                        {"eventId":"%s","userId":"%s","clinicId":"%s","granted":true,"changedAt":"%s"}
                        """.formatted(UUID.randomUUID(), user, CLINIC, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)))
                .when().post("/v1/consents")
                .then().statusCode(202);
    }

    private static void postSession(String user, OffsetDateTime at, String area) {
        given().baseUri(RunningStack.stack().intakeUrl()).header("X-API-Key", DevKeys.APP).contentType(ContentType.JSON)
                .body("""
                        {"eventId":"%s","userId":"%s","performedAt":"%s","area":"%s","needleDepthMm":0.5,"device":"ROLLER"}
                        """.formatted(UUID.randomUUID(), user, at, area))
                .when().post("/v1/sessions")
                .then().statusCode(202);
    }
}
