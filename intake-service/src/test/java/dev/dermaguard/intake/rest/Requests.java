package dev.dermaguard.intake.rest;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.dermaguard.testsupport.fuzz.DevKeys;

/** Valid bodies and authenticated requests for the intake endpoints, as an app backend sends them. */
final class Requests {

    static final String APP_KEY = DevKeys.APP;
    static final String PROBLEM = "application/problem+json";

    private Requests() {
    }

    static RequestSpecification asApp() {
        return given().header("X-API-Key", APP_KEY).contentType(ContentType.JSON);
    }

    static String aMinuteAgo() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String session(UUID eventId, String userId) {
        return """
                {"eventId":"%s","userId":"%s","performedAt":"%s","area":"CHEEKS","needleDepthMm":0.5,"device":"ROLLER"}\
                """.formatted(eventId, userId, aMinuteAgo());
    }

    static String checkIn(UUID eventId, String userId) {
        return """
                {"eventId":"%s","userId":"%s","reportedAt":"%s","area":"CHEEKS","symptoms":["REDNESS"]}\
                """.formatted(eventId, userId, aMinuteAgo());
    }

    static String consent(UUID eventId, String userId) {
        return """
                {"eventId":"%s","userId":"%s","clinicId":"demo-clinic","granted":true,"changedAt":"%s"}\
                """.formatted(eventId, userId, aMinuteAgo());
    }
}
