package dev.dermaguard.notify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.testsupport.fuzz.DevKeys;


/** Ids, limits, cursors and Last-Event-ID outside their formats are 400 problems naming the parameter. */
@QuarkusTest
@NotifyInfrastructure
class ParameterValidationTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%00", "u%00x", "u%0A", "%C3%BC", "u%201",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void aHostileUserIdIsAProblemNamingIt(String encodedUserId) {
        given().urlEncodingEnabled(false).header("X-API-Key", DevKeys.APP)
                .get("/v1/users/" + encodedUserId + "/alerts").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("userId"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%00", "Demo-Clinic", "demo_clinic", "demo.clinic",
            "ccccccccccccccccccccccccccccccccccccccccccccccccc"})
    void aHostileClinicIdIsAProblemNamingIt(String encodedClinicId) {
        for (String endpoint : new String[] {"alerts", "alerts/stream"}) {
            given().urlEncodingEnabled(false).header("X-API-Key", DevKeys.CLINIC)
                    .get("/v1/clinics/" + encodedClinicId + "/" + endpoint).then()
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("clinicId"))
                    .body("errors[0].message", equalTo("must be 1 to 48 characters of a-z, 0-9 or '-'"));
        }
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @CsvSource({
        "local-app-key, /v1/users/u-1/alerts, limit, abc", "local-app-key, /v1/users/u-1/alerts, limit, 0",
        "local-app-key, /v1/users/u-1/alerts, limit, 501", "local-app-key, /v1/users/u-1/alerts, limit, 1.5",
        "local-app-key, /v1/users/u-1/alerts, limit, 99999999999999999999",
        "local-clinic-key, /v1/clinics/demo-clinic/alerts, limit, -1",
        "local-clinic-key, /v1/clinics/demo-clinic/alerts, before, abc",
        "local-clinic-key, /v1/clinics/demo-clinic/alerts, before, 0",
        "local-clinic-key, /v1/clinics/demo-clinic/alerts, before, 9223372036854775808",
        "local-operator-key, /v1/audit, limit, 1001", "local-operator-key, /v1/audit, before, x1"})
    void aBadNumberIsAProblemNamingIt(String key, String path, String parameter, String value) {
        given().header("X-API-Key", key).queryParam(parameter, value).get(path).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", equalTo(parameter.equals("before") ? "must be a whole number of at least 1"
                        : "must be a whole number from 1 to " + (path.equals("/v1/audit") ? 1000 : 500)));
    }

    @ParameterizedTest(name = "Last-Event-ID: {0}")
    @ValueSource(strings = {"abc", "-1", "1.5", "99999999999999999999", "0x10"})
    void aBadLastEventIdIsAProblemNamingIt(String lastEventId) {
        given().header("X-API-Key", DevKeys.CLINIC).header("Last-Event-ID", lastEventId)
                .get("/v1/clinics/demo-clinic/alerts/stream").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("Last-Event-ID"))
                .body("errors[0].message", equalTo("must be a whole number of at least 0"));
    }
}
