package dev.dermaguard.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/**
 * The three services from their packaged jars, started the way run-local.sh starts them, on a real broker and
 * PostgreSQL: sessions posted over HTTP come out as alerts on microneedling.alerts, read by a plain consumer.
 */
@ExtendWith(RunningStack.class)
class PipelineEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoCheekSessionsADayApartGiveOneHealingGapAlert() throws Exception {
        String user = "u-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        post(user, UUID.randomUUID(), now.minusDays(1).minusMinutes(1), "CHEEKS");
        post(user, UUID.randomUUID(), now.minusMinutes(1), "CHEEKS");
        // The same user's events flow in order: once a later forehead alert is out, the cheek alerts are all out.
        post(user, UUID.randomUUID(), now.minusDays(2), "FOREHEAD");
        post(user, UUID.randomUUID(), now.minusDays(2).plusHours(2), "FOREHEAD");
        RunningStack.topics().awaitRecords(Topics.ALERTS, r -> r.key().equals("demo-app:" + user) && r.value().contains("FOREHEAD"),
                1, WITHIN);

        List<ConsumerRecord<String, String>> cheeks = RunningStack.topics().read(Topics.ALERTS,
                r -> r.key().equals("demo-app:" + user) && r.value().contains("\"CHEEKS\""));

        assertEquals(1, cheeks.size(), "one alert for the cheeks");
        ConsumerRecord<String, String> record = cheeks.get(0);
        JsonNode alert = JSON.readTree(record.value());
        assertEquals("HEALING_GAP", alert.get("rule").asText());
        assertEquals("demo-app", alert.get("appId").asText());
        assertEquals(user, alert.get("userId").asText());
        assertTrue(alert.get("message").asText().contains("dermatologist"));
        assertEquals(EventTypes.ALERT_RAISED, TopicClient.header(record, CloudEventHeaders.TYPE));
        assertEquals(alert.get("alertId").asText(), TopicClient.header(record, CloudEventHeaders.ID));
        assertEquals("1.0", TopicClient.header(record, CloudEventHeaders.SPEC_VERSION));
        assertNotNull(TopicClient.header(record, CloudEventHeaders.SOURCE));
        assertNotNull(TopicClient.header(record, CloudEventHeaders.TIME));
    }

    @Test
    void theSameEventPostedFiveTimesIsStoredOnceAndAlertsOnce() throws Exception {
        String user = "u-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        UUID repeated = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            post(user, repeated, now.minusDays(1), "CHEEKS");
        }
        UUID next = UUID.randomUUID();
        post(user, next, now.minusMinutes(1), "CHEEKS");
        RunningStack.topics().awaitRecords(Topics.ALERTS, r -> r.value().contains(next.toString()), 1, WITHIN);

        List<ConsumerRecord<String, String>> assessmentsOfRepeated = RunningStack.topics().read(Topics.RISK_ASSESSMENTS,
                r -> r.key().equals("demo-app:" + user) && sourceEventId(r).equals(repeated.toString()));
        List<ConsumerRecord<String, String>> alerts = RunningStack.topics().read(Topics.ALERTS, r -> r.key().equals("demo-app:" + user));

        assertEquals(5, RunningStack.topics().read(Topics.EVENTS, r -> repeated.toString().equals(
                TopicClient.header(r, CloudEventHeaders.ID))).size(), "intake published every post");
        assertEquals(1, assessmentsOfRepeated.size(), "risk-service stored and assessed the session once");
        assertEquals(1, alerts.size(), "one alert");
    }

    private static String sourceEventId(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("sourceEventId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void post(String user, UUID eventId, OffsetDateTime at, String area) {
        given().baseUri(RunningStack.stack().intakeUrl())
                .header("X-API-Key", DevKeys.APP)
                .contentType(ContentType.JSON)
                .body("""
                        {"eventId":"%s","userId":"%s","performedAt":"%s","area":"%s","needleDepthMm":0.5,"device":"ROLLER"}
                        """.formatted(eventId, user, at, area))
                .when().post("/v1/sessions")
                .then().statusCode(202);
    }
}
