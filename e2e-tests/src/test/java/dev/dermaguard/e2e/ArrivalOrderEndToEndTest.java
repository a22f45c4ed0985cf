package dev.dermaguard.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/**
 * Events that no arrival order and no other app can cancel, through the running system: posted to intake over
 * HTTP, alerts read from microneedling.alerts.
 */
@ExtendWith(RunningStack.class)
class ArrivalOrderEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
            .minusMinutes(1);
    private final String user = "order-" + UUID.randomUUID();

    @Test
    void anOfflineAppsPusCheckInPostedBeforeItsSessionAlertsInfectionSigns() {
        post(DevKeys.APP, "/v1/check-ins", """
                {"eventId":"%s","userId":"%s","reportedAt":"%s","area":"CHEEKS","symptoms":["PUS"]}
                """.formatted(UUID.randomUUID(), user, now.minusDays(1)));
        UUID session = session(DevKeys.APP, UUID.randomUUID(), now.minusDays(3));

        JsonNode alert = alertOf("demo-app", "INFECTION_SIGNS");
        assertEquals("CRITICAL", alert.get("severity").asText());
        assertEquals(session.toString(), alert.get("evidence").get("eventIds").get(0).asText());
    }

    @Test
    void twoAppsThatPickOneEventIdForTheirSessionsBothTakeEffect() {
        UUID shared = UUID.randomUUID();
        session(DevKeys.APP, shared, now.minusDays(1));
        session(DevKeys.APP2, shared, now.minusDays(1));
        session(DevKeys.APP, UUID.randomUUID(), now);
        session(DevKeys.APP2, UUID.randomUUID(), now);

        for (String app : new String[] {"demo-app", "other-app"}) {
            JsonNode alert = alertOf(app, "HEALING_GAP");
            assertEquals(shared.toString(), alert.get("evidence").get("eventIds").get(0).asText());
        }
    }

    /** The same user id under two keys is two people: each app's events keep to that app's user. */
    private UUID session(String key, UUID eventId, OffsetDateTime at) {
        post(key, "/v1/sessions", """
                {"eventId":"%s","userId":"%s","performedAt":"%s","area":"CHEEKS","needleDepthMm":0.5,"device":"ROLLER"}
                """.formatted(eventId, user, at));
        return eventId;
    }

    private JsonNode alertOf(String app, String rule) {
        ConsumerRecord<String, String> record = RunningStack.topics().awaitRecords(Topics.ALERTS,
                r -> r.key().equals(app + ":" + user) && rule.equals(tree(r).get("rule").asText()), 1, WITHIN).get(0);
        return tree(record);
    }

    private static JsonNode tree(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void post(String key, String path, String body) {
        given().baseUri(RunningStack.stack().intakeUrl()).header("X-API-Key", key).contentType(ContentType.JSON)
                .body(body)
                .when().post(path)
                .then().statusCode(202);
    }
}
