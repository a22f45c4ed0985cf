package dev.dermaguard.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.infra.ScramUser;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/**
 * What the product promises a clinic, with every service on its own SCRAM user and only its grants: the alert of a
 * consenting user reaches the clinic's topic, and the clinic reads it there with its own credentials, while
 * another clinic's topic refuses it.
 */
@ExtendWith(RunningStack.class)
class ClinicKafkaEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final ScramUser DEMO = ScramUser.CLINICS.get(0);
    private static final ScramUser OTHER = ScramUser.CLINICS.get(1);

    @Test
    void aClinicReadsTheAlertOfAConsentingUserOnItsTopicAndNotAnotherClinics() {
        String user = "clinic-kafka-" + UUID.randomUUID();
        post("/v1/consents", """
                {"eventId":"%s","userId":"%s","clinicId":"%s","granted":true,"changedAt":"%s"}
                """.formatted(UUID.randomUUID(), user, DEMO.name(), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2)));
        // The consent must stand before the alert is raised: it travels another path than the sessions.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> given().baseUri(RunningStack.stack().notifyUrl()).header("X-API-Key", DevKeys.OPERATOR)
                .get("/v1/audit?limit=1000").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.action == 'consent.granted' && it.subject.contains('" + user + "') }").size() == 1);
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusDays(2);
        for (OffsetDateTime at : List.of(first, first.plusDays(1))) {
            post("/v1/sessions", """
                    {"eventId":"%s","userId":"%s","performedAt":"%s","area":"CHEEKS","needleDepthMm":0.5,"device":"ROLLER"}
                    """.formatted(UUID.randomUUID(), user, at));
        }

        try (TopicClient clinic = RunningStack.asClinic(DEMO)) {
            List<ConsumerRecord<String, String>> alerts = clinic.awaitRecords(Topics.clinicAlerts(DEMO.name()),
                    r -> r.key().endsWith(":" + user), 1, WITHIN);
            assertEquals(1, alerts.size(), "one HEALING_GAP alert, once");

            assertThrows(TopicAuthorizationException.class, () -> clinic.read(Topics.clinicAlerts(OTHER.name()), r -> true));
        }
    }

    private static void post(String path, String body) {
        given().baseUri(RunningStack.stack().intakeUrl()).header("X-API-Key", DevKeys.APP).contentType(ContentType.JSON)
                .body(body).when().post(path).then().statusCode(202);
    }
}
