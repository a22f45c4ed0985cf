package dev.dermaguard.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * Each rule's typical case through the running system: events posted to intake over HTTP, assessments read from
 * microneedling.risk-assessments (precisely) and alerts from microneedling.alerts (loosely: notify-service decides
 * cooldowns and escalation; at least one alert of the rule for the user is enough here). One user per case.
 */
@ExtendWith(RunningStack.class)
class RiskRulesEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();


    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
            .minusMinutes(1);



    @Test
    void healingGap() {
        String user = user();
        session(user, now.minusHours(12), "CHEEKS", "0.25", "");
        UUID last = session(user, now, "CHEEKS", "0.25", "");

        expect(user, last, "HEALING_GAP", "HIGH");
    }

    @Test
    void overuseOnTooManyDaysInAWeek() {
        String user = user();
        String[] areas = {"FOREHEAD", "CHIN", "NECK", "HANDS"};
        for (int i = 0; i < areas.length; i++) {
            session(user, now.minusDays(4 - i), areas[i], "0.25", "");
        }
        UUID last = session(user, now, "BODY", "0.25", "");

        expect(user, last, "OVERUSE", "MODERATE");
    }

    @Test
    void depthAboveHomeLimit() {
        String user = user();
        expect(user, session(user, now, "CHEEKS", "1.2", ""), "DEPTH_ABOVE_HOME_LIMIT", "HIGH");
    }

    @Test
    void darkerSkinRaisesTheDepthFindingOneStep() {
        String user = user();
        expect(user, session(user, now, "CHEEKS", "0.75", ",\"skinType\":\"V\""), "DEPTH_ABOVE_HOME_LIMIT", "HIGH");
    }

    @Test
    void needlingInflamedSkin() {
        String user = user();
        expect(user, session(user, now, "CHIN", "0.25", ",\"symptomsBefore\":[\"ACTIVE_ACNE\"]"),
                "NEEDLING_INFLAMED_SKIN", "HIGH");
    }

    @Test
    void deviceHygiene() {
        String user = user();
        expect(user, session(user, now, "CHEEKS", "0.25", ",\"deviceDisinfected\":false,\"deviceUses\":3"),
                "DEVICE_HYGIENE", "MODERATE");
    }

    @Test
    void ineffectiveForGoalIsLowAndStaysInTheProfile() {
        String user = user();
        for (int i = 5; i >= 1; i--) {
            session(user, now.minusDays(3L * i), "CHEEKS", "0.25", "");
        }
        UUID last = session(user, now, "CHEEKS", "0.25", ",\"goal\":\"ACNE_SCARS\"");

        expect(user, last, "INEFFECTIVE_FOR_GOAL", "LOW");
        given().baseUri(RunningStack.stack().riskUrl()).header("X-API-Key", DevKeys.APP)
                .when().get("/v1/users/{user}/risk-profile", user)
                .then().statusCode(200).body("areas[0].openRisks[0].rule", equalTo("INEFFECTIVE_FOR_GOAL"));
    }

    @Test
    void prolongedInflammation() {
        String user = user();
        session(user, now.minusDays(5), "CHEEKS", "0.25", "");
        expect(user, checkIn(user, now, "CHEEKS", "\"REDNESS\""), "PROLONGED_INFLAMMATION", "MODERATE");
    }

    @Test
    void infectionSigns() {
        String user = user();
        session(user, now.minusDays(2), "CHEEKS", "0.25", "");
        expect(user, checkIn(user, now, "CHEEKS", "\"PUS\""), "INFECTION_SIGNS", "CRITICAL");
    }

    @Test
    void pigmentation() {
        String user = user();
        session(user, now.minusDays(10), "FOREHEAD", "0.25", "");
        expect(user, checkIn(user, now, "FOREHEAD", "\"DARK_PATCHES\""), "PIGMENTATION", "HIGH");
    }

    @Test
    void techniqueDamage() {
        String user = user();
        session(user, now.minusDays(2), "CHEEKS", "0.25", "");
        expect(user, checkIn(user, now, "CHEEKS", "\"TRACK_MARKS\""), "TECHNIQUE_DAMAGE", "MODERATE");
    }

    @Test
    void aCompliantUserGetsNoFindingAndNoAlert() throws Exception {
        String user = user();
        List<UUID> sessions = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            sessions.add(session(user, now.minusDays(5L * i), "CHEEKS", "0.25", ""));
        }
        for (UUID session : sessions) {
            JsonNode assessment = assessmentOf(user, session);
            assertEquals(0, assessment.get("risks").size(), () -> "no finding: " + assessment);
            assertEquals("1", assessment.get("ruleSetVersion").asText());
        }
        assertTrue(RunningStack.topics().read(Topics.ALERTS, r -> r.key().equals("demo-app:" + user)).isEmpty());
        given().baseUri(RunningStack.stack().riskUrl()).header("X-API-Key", DevKeys.APP)
                .when().get("/v1/users/{user}/risk-profile", user)
                .then().statusCode(200).body("areas[0].area", equalTo("CHEEKS"))
                .body("areas[0].openRisks.size()", equalTo(0));
        given().baseUri(RunningStack.stack().riskUrl()).header("X-API-Key", DevKeys.APP2)
                .when().get("/v1/users/{user}/risk-profile", user)
                .then().statusCode(404);
    }

    /** The event's assessment holds the finding; from MODERATE up it also becomes an alert for the user. */
    private static void expect(String user, UUID eventId, String rule, String severity) {
        JsonNode assessment = assessmentOf(user, eventId);
        JsonNode risk = null;
        for (JsonNode candidate : assessment.get("risks")) {
            if (candidate.get("rule").asText().equals(rule)) {
                risk = candidate;
            }
        }
        JsonNode found = risk;
        assertTrue(found != null, () -> rule + " expected in " + assessment);
        assertEquals(severity, found.get("severity").asText(), () -> "in " + assessment);
        assertTrue(found.get("summary").asText().length() <= 140);
        assertTrue(found.get("evidence").get("eventIds").toString().contains(eventId.toString()));
        if (!severity.equals("LOW")) {
            RunningStack.topics().awaitRecords(Topics.ALERTS, r -> r.key().equals("demo-app:" + user)
                    && rule.equals(field(r, "rule")), 1, WITHIN);
        }
    }

    private static JsonNode assessmentOf(String user, UUID eventId) {
        ConsumerRecord<String, String> record = RunningStack.topics().awaitRecords(Topics.RISK_ASSESSMENTS,
                r -> r.key().equals("demo-app:" + user) && eventId.toString().equals(field(r, "sourceEventId")), 1,
                WITHIN).get(0);
        return tree(record);
    }

    private static String field(ConsumerRecord<String, String> record, String name) {
        JsonNode value = tree(record).get(name);
        return value == null ? null : value.asText();
    }

    private static JsonNode tree(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String user() {
        return "rules-" + UUID.randomUUID();
    }

    private static UUID session(String user, OffsetDateTime at, String area, String depth, String more) {
        UUID id = UUID.randomUUID();
        post("/v1/sessions", """
                {"eventId":"%s","userId":"%s","performedAt":"%s","area":"%s","needleDepthMm":%s,"device":"ROLLER"%s}
                """.formatted(id, user, at, area, depth, more));
        return id;
    }

    private static UUID checkIn(String user, OffsetDateTime at, String area, String symptoms) {
        UUID id = UUID.randomUUID();
        post("/v1/check-ins", """
                {"eventId":"%s","userId":"%s","reportedAt":"%s","area":"%s","symptoms":[%s]}
                """.formatted(id, user, at, area, symptoms));
        return id;
    }

    private static void post(String path, String body) {
        given().baseUri(RunningStack.stack().intakeUrl()).header("X-API-Key", DevKeys.APP).contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(202);
    }
}
