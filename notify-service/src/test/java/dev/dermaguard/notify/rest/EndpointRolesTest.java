package dev.dermaguard.notify.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.testsupport.fuzz.DevKeys;
import dev.dermaguard.testsupport.fuzz.RoleMatrix;

/** Every key on every endpoint: apps read their users, a clinic its own alerts only, operators the audit log. */
@QuarkusTest
@NotifyInfrastructure
class EndpointRolesTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void onlyAppsReadTheirUsersAlerts() {
        assertEquals(List.of(), new RoleMatrix(root).check("GET", "/v1/users/u-roles/alerts", null, List.of("app"),
                RoleMatrix.keysOf("app")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/clinics/demo-clinic/alerts?limit=5", "/v1/clinics/demo-clinic/alerts/stream"})
    void onlyTheClinicItselfReadsItsAlerts(String target) {
        assertEquals(List.of(), new RoleMatrix(root).check("GET", target, null, List.of("clinic"),
                Set.of(DevKeys.CLINIC)));
    }

    @Test
    void onlyOperatorsReadTheAuditLog() {
        assertEquals(List.of(), new RoleMatrix(root).check("GET", "/v1/audit?limit=1", null, List.of("operator"),
                RoleMatrix.keysOf("operator")));
    }

    @Test
    void onlyOperatorsOffboardAClinic() {
        // A clinic nobody onboarded: offboarding it is idempotent and ends nothing, so the operator's 200 is harmless.
        assertEquals(List.of(), new RoleMatrix(root).check("POST", "/v1/operator/clinics/never-onboarded/offboarding",
                null, List.of("operator"), RoleMatrix.keysOf("operator")));
    }
}
