package dev.dermaguard.risk.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.testsupport.fuzz.DevKeys;


/** A user id outside DESIGN.md's format is a 400 naming {@code userId}, before anything reads the database. */
@QuarkusTest
@RiskInfrastructure
class ParameterValidationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%00", "u%00x", "u%0A", "%C3%BC", "u%201", "%E2%80%AE",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void aHostileUserIdIsAProblemNamingIt(String encodedUserId) {
        for (String endpoint : new String[] {"risk-profile", "assessments"}) {
            given().urlEncodingEnabled(false).header("X-API-Key", DevKeys.APP)
                    .get("/v1/users/" + encodedUserId + "/" + endpoint).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("userId"))
                    .body("errors[0].message", equalTo("must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'"));
        }
    }
}
