package dev.dermaguard.intake.rest;

import static dev.dermaguard.intake.rest.Requests.PROBLEM;
import static dev.dermaguard.intake.rest.Requests.asApp;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.intake.IntakeInfrastructure;
import dev.dermaguard.testsupport.TopicClient;

/**
 * A consent names a clinic of this deployment (a clinic principal of the configured keys) in the clinic id format;
 * anything else is a 400 naming clinicId, and nothing is published, so no app can conjure up clinics.
 */
@QuarkusTest
@IntakeInfrastructure
class ConsentClinicTest {

    private static final String FORMAT = "must be 1 to 48 characters of a-z, 0-9 or '-'";
    private static final String UNKNOWN = "is not a clinic of this DermaGuard deployment";

    @Inject
    TopicClient topics;

    private final String user = "u-" + UUID.randomUUID();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown-clinic|" + UNKNOWN, "demo-app|" + UNKNOWN, "local-operator|" + UNKNOWN,
        "Demo-Clinic|" + FORMAT, "demo_clinic|" + FORMAT, "demo.clinic|" + FORMAT, "demo clinic|" + FORMAT,
        "ccccccccccccccccccccccccccccccccccccccccccccccccc|" + FORMAT, "''|" + FORMAT})
    void aConsentToAClinicNobodyConfiguredIsRefusedAndNotPublished(String clinicId, String message) {
        String body = Requests.consent(UUID.randomUUID(), user).replace("\"demo-clinic\"", "\"" + clinicId + "\"");
        asApp().body(body).when().post("/v1/consents").then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("clinicId"))
                .body("errors[0].message", equalTo(message));

        // The refusal came before any publishing; a consent accepted after it shows the read sees the topic.
        UUID sentinel = UUID.randomUUID();
        asApp().body(Requests.consent(sentinel, user)).when().post("/v1/consents").then().statusCode(202);
        assertEquals(List.of(sentinel.toString()), topics.read(Topics.EVENTS, r -> r.key().endsWith(":" + user))
                .stream().map(r -> TopicClient.header(r, CloudEventHeaders.ID)).toList());
    }

    @Test
    void everyConfiguredClinicMayBeConsentedTo() {
        for (String clinic : List.of("demo-clinic", "other-clinic")) {
            asApp().body(Requests.consent(UUID.randomUUID(), user).replace("\"demo-clinic\"", "\"" + clinic + "\""))
                    .when().post("/v1/consents").then().statusCode(202);
        }
    }
}
