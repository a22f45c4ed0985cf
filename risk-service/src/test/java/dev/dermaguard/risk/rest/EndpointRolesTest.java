package dev.dermaguard.risk.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.testsupport.fuzz.RoleMatrix;

/** Every key on every endpoint: apps only, and an endpoint that names no role is refused to every key. */
@QuarkusTest
@RiskInfrastructure
class EndpointRolesTest {

    @TestHTTPResource("/")
    URI root;

    @ParameterizedTest
    @ValueSource(strings = {"/v1/users/u-roles/risk-profile", "/v1/users/u-roles/assessments?limit=5"})
    void onlyAppsReadUsers(String target) {
        assertEquals(List.of(), new RoleMatrix(root).check("GET", target, null, List.of("app"),
                RoleMatrix.keysOf("app")));
    }

    /** The outbox module's operator endpoints, which notify-service serves too. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /v1/operator/outbox/parked?limit=1", "POST /v1/operator/outbox/parked/999999/retry"})
    void onlyOperatorsSeeAndRetryParkedOutboxRows(String request) {
        String[] methodAndTarget = request.split(" ");
        assertEquals(List.of(), new RoleMatrix(root).check(methodAndTarget[0], methodAndTarget[1], null,
                List.of("operator"), RoleMatrix.keysOf("operator")));
    }

    @Test
    void anEndpointWithoutARoleIsRefusedToEveryKey() {
        assertEquals(List.of(), new RoleMatrix(root).check("GET", "/test-only/unannotated", null, List.of(), Set.of()));
    }

    @Test
    void healthIsOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().header("X-API-Key", "not-a-key").get("/q/health/ready").then()
                .statusCode(200);
    }
}
