package dev.dermaguard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.dermaguard.common.Topics;
import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.kafka.CloudEventHeaders;
import dev.dermaguard.infra.LocalInfraTestResource;
import dev.dermaguard.testsupport.TopicClient;

/** The event endpoints against a real broker: what is accepted is on the topic, what is not is a clear 4xx. */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class EventResourcesTest {

    static final String APP_KEY = "local-app-key";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicClient topics;
    private final String user = "u-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        topics = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        topics.close();
    }

    @Test
    void anAcceptedSessionIsOnTheTopicWithTheAppIdFromTheKey() {
        UUID eventId = UUID.randomUUID();
        given().header("X-API-Key", APP_KEY).contentType(ContentType.JSON).body(session(eventId, "0.5"))
                .when().post("/v1/sessions")
                .then().statusCode(202).body("eventId", equalTo(eventId.toString())).body("status", equalTo("ACCEPTED"));

        ConsumerRecord<String, String> record = topics.read(Topics.EVENTS,
                r -> eventId.toString().equals(TopicClient.header(r, CloudEventHeaders.ID))).get(0);
        assertEquals("demo-app:" + user, record.key());
        assertEquals(EventTypes.SESSION_LOGGED, TopicClient.header(record, CloudEventHeaders.TYPE));
        assertEquals("1.0", TopicClient.header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals("application/json", TopicClient.header(record, CloudEventHeaders.CONTENT_TYPE));
        assertTrue(record.value().contains("\"appId\":\"demo-app\""), record.value());
    }

    @Test
    void aMissingOrUnknownKeyIs401AndAClinicKeyIs403() {
        String body = session(UUID.randomUUID(), "0.5");
        given().contentType(ContentType.JSON).body(body).when().post("/v1/sessions")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", "not-a-key").contentType(ContentType.JSON).body(body).when().post("/v1/sessions")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", "local-clinic-key").contentType(ContentType.JSON).body(body)
                .when().post("/v1/sessions")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anInvalidSessionIsAProblemNamingTheFieldAndIsNotPublished() {
        UUID eventId = UUID.randomUUID();
        given().header("X-API-Key", APP_KEY).contentType(ContentType.JSON).body(session(eventId, "3.5"))
                .when().post("/v1/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("needleDepthMm"));

        assertTrue(topics.read(Topics.EVENTS, r -> eventId.toString().equals(TopicClient.header(r, CloudEventHeaders.ID)))
                .isEmpty());
    }

    @Test
    void anAppIdInTheBodyIsRejectedNotTrusted() {
        String body = session(UUID.randomUUID(), "0.5").replace("{", "{\"appId\":\"other-app\",");
        given().header("X-API-Key", APP_KEY).contentType(ContentType.JSON).body(body)
                .when().post("/v1/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("appId"));
    }

    @Test
    void aCheckInAndAConsentArePublishedWithTheirOwnTypes() {
        UUID checkIn = UUID.randomUUID();
        given().header("X-API-Key", APP_KEY).contentType(ContentType.JSON)
                .body("""
                        {"eventId":"%s","userId":"%s","reportedAt":"%s","area":"CHEEKS","symptoms":["REDNESS","PUS"]}
                        """.formatted(checkIn, user, aMinuteAgo()))
                .when().post("/v1/check-ins")
                .then().statusCode(202).body("eventId", equalTo(checkIn.toString()));
        UUID consent = UUID.randomUUID();
        given().header("X-API-Key", APP_KEY).contentType(ContentType.JSON)
                .body("""
                        {"eventId":"%s","userId":"%s","clinicId":"demo-clinic","granted":true,"changedAt":"%s"}
                        """.formatted(consent, user, aMinuteAgo()))
                .when().post("/v1/consents")
                .then().statusCode(202).body("eventId", equalTo(consent.toString()));

        assertEquals(EventTypes.CHECKIN_REPORTED, TopicClient.header(published(checkIn), CloudEventHeaders.TYPE));
        assertEquals(EventTypes.CONSENT_CHANGED, TopicClient.header(published(consent), CloudEventHeaders.TYPE));
        assertEquals("demo-app:" + user, published(consent).key());
    }

    @Test
    void aCheckInThatNamesASymptomTwiceOrAConsentWithoutItsDecisionIsRejected() {
        given().header("X-API-Key", APP_KEY).contentType(ContentType.JSON)
                .body("""
                        {"eventId":"%s","userId":"%s","reportedAt":"%s","area":"CHEEKS","symptoms":["PUS","PUS"]}
                        """.formatted(UUID.randomUUID(), user, aMinuteAgo()))
                .when().post("/v1/check-ins")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("symptoms"));
        given().header("X-API-Key", APP_KEY).contentType(ContentType.JSON)
                .body("""
                        {"eventId":"%s","userId":"%s","clinicId":"demo-clinic","changedAt":"%s"}
                        """.formatted(UUID.randomUUID(), user, aMinuteAgo()))
                .when().post("/v1/consents")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("granted"));
    }

    private ConsumerRecord<String, String> published(UUID eventId) {
        return topics.read(Topics.EVENTS, r -> eventId.toString().equals(TopicClient.header(r, CloudEventHeaders.ID)))
                .get(0);
    }

    private static OffsetDateTime aMinuteAgo() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    private String session(UUID eventId, String depth) {
        OffsetDateTime at = aMinuteAgo();
        return """
                {"eventId":"%s","userId":"%s","performedAt":"%s","area":"CHEEKS","needleDepthMm":%s,"device":"ROLLER"}
                """.formatted(eventId, user, at, depth);
    }
}
