package dev.dermaguard.risk.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.risk.EventsTopic;
import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/** The read side over HTTP, fed through the real consumer: a user's standing, scoped to the calling app. */
@QuarkusTest
@RiskInfrastructure
class RiskResourceTest {

    private static final String APP = "demo-app";

    @Inject
    EventsTopic events;
    private final String user = "u-" + UUID.randomUUID();
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void theProfileShowsEachAreasLastSessionOpenRisksAndWhenItIsSafeAgain() {
        SessionLogged first = session(now.minusDays(3), Area.CHEEKS, "0.5");
        SessionLogged last = session(now.minusDays(2), Area.CHEEKS, "0.5");
        SessionLogged forehead = session(now.minusDays(2), Area.FOREHEAD, "1.0");
        events.publish(first);
        events.publish(last);
        events.publish(forehead);
        events.publish(new SymptomCheckIn(UUID.randomUUID(), APP, user, now.minusDays(1), Area.FOREHEAD,
                Set.of(Symptom.PUS)));
        awaitAssessments(4);

        given().header("X-API-Key", DevKeys.APP).when().get("/v1/users/{user}/risk-profile", user).then()
                .statusCode(200)
                .body("userId", equalTo(user))
                .body("ruleSetVersion", equalTo("1"))
                .body("areas.area", contains("FOREHEAD", "CHEEKS"))
                .body("areas[1].lastSession.eventId", equalTo(last.eventId().toString()))
                .body("areas[1].openRisks.rule", contains("DEPTH_ABOVE_HOME_LIMIT", "HEALING_GAP"))
                .body("areas[1].nextSafeSessionAt", equalTo(last.performedAt().plusDays(7).toInstant().toString()))
                .body("areas[0].openRisks.rule", contains("DEPTH_ABOVE_HOME_LIMIT", "INFECTION_SIGNS"))
                .body("areas[0].waitForAllClear", contains("INFECTION_SIGNS"))
                .body("areas[0].nextSafeSessionAt",
                        equalTo(forehead.performedAt().plusDays(21).toInstant().toString()));
    }

    @Test
    void assessmentsComeNewestFirstUpToTheLimit() {
        for (int i = 3; i >= 1; i--) {
            events.publish(session(now.minusDays(10L * i), Area.NECK, "0.25"));
        }
        awaitAssessments(3);

        given().header("X-API-Key", DevKeys.APP).queryParam("limit", 2)
                .when().get("/v1/users/{user}/assessments", user).then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].ruleSetVersion", equalTo("1"))
                .body("[0].assessmentId", notNullValue());
    }

    @Test
    void anotherAppsUserIsUnknownAndClinicsMayNotAsk() {
        events.publish(session(now.minusDays(1), Area.NECK, "0.25"));
        awaitAssessments(1);

        given().header("X-API-Key", DevKeys.APP2).when().get("/v1/users/{user}/risk-profile", user).then()
                .statusCode(404).contentType("application/problem+json");
        given().header("X-API-Key", DevKeys.APP2).when().get("/v1/users/{user}/assessments", user).then()
                .statusCode(404).contentType("application/problem+json");
        given().header("X-API-Key", DevKeys.CLINIC).when().get("/v1/users/{user}/risk-profile", user).then()
                .statusCode(403);
        given().when().get("/v1/users/{user}/assessments", user).then().statusCode(401);
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "201", "-1", "abc", "1.5"})
    void aBadLimitIsAProblemNamingTheField(String limit) {
        given().header("X-API-Key", DevKeys.APP).queryParam("limit", limit)
                .when().get("/v1/users/{user}/assessments", user).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    private void awaitAssessments(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-API-Key", DevKeys.APP)
                .queryParam("limit", 200).when().get("/v1/users/{user}/assessments", user).then()
                .statusCode(200).body("$", hasSize(count)));
    }

    private SessionLogged session(OffsetDateTime at, Area area, String depth) {
        return EventsTopic.session(APP, user, at, area, depth);
    }
}
