package dev.dermaguard.notify.rest;

import static dev.dermaguard.notify.NotifyFixtures.daysAgo;
import static dev.dermaguard.notify.NotifyFixtures.risk;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.testsupport.LocalInfraTestResource;
import dev.dermaguard.notify.NotifyFixtures;
import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/** Many consenting clinics for one user, and an instance's stream limit and heartbeat, against the running service. */
@QuarkusTest
@TestProfile(ManyClinicsProfile.class)
@NotifyInfrastructure
class ManyClinicsTest {

    @Inject
    EventCodec codec;
    @Inject
    Pool database;
    @Inject
    TopicClient topics;
    @TestHTTPResource("/v1/clinics/demo-clinic/alerts/stream")
    String demoStream;
    @TestHTTPResource("/v1/clinics/other-clinic/alerts/stream")
    String otherStream;

    @Test
    void anAlertReachesFiftyConsentingClinicsAndItsAuditEntryStaysShort() throws Exception {
        List<String> clinics = ManyClinicsProfile.clinicIds();
        // Onboarding creates each clinic's topic; here the test does, on the PLAINTEXT listener (notify-service may not).
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue(LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS, String.class)))) {
            List<String> existing = new ArrayList<>(admin.listTopics().names().get());
            admin.createTopics(clinics.stream().map(Topics::clinicAlerts).filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        }
        NotifyFixtures user = new NotifyFixtures(topics, codec, database, "demo-app", "u-" + UUID.randomUUID());
        user.awaitSettled(clinics.stream().map(clinic -> user.consent(clinic, true).eventId()).toArray(UUID[]::new));

        RiskAssessed assessed = user.publish(user.assessment(daysAgo(1), risk(RuleName.HEALING_GAP, Severity.HIGH)));
        user.awaitSettled(assessed.assessmentId());

        AlertRaised alert = user.alertsOn(Topics.ALERTS).get(0);
        assertEquals(ManyClinicsProfile.CLINICS, database.preparedQuery("select count(*) from clinic_alert where alert_id = $1")
                .execute(Tuple.of(alert.alertId())).await().atMost(NotifyFixtures.WITHIN).iterator().next().getLong(0));
        for (String clinic : List.of(clinics.get(0), clinics.get(ManyClinicsProfile.CLINICS - 1))) {
            assertEquals(List.of(alert.alertId()), user.alertsOn(Topics.clinicAlerts(clinic)).stream()
                    .map(AlertRaised::alertId).toList());
        }
        given().header("X-API-Key", DevKeys.OPERATOR).get("/v1/audit?limit=1000")
                .then().statusCode(200)
                .body("findAll { it.subject == 'alert " + alert.alertId() + "' }.detail",
                        hasItem("for app demo-app user " + user.userId() + "; delivered to 50 clinics"));
    }

    @Test
    void anInstanceServesAtMostItsStreamsAndKeepsIdleOnesAliveWithHeartbeats() {
        List<SseClient> open = new ArrayList<>();
        try {
            open.add(new SseClient(demoStream, DevKeys.CLINIC, null));
            open.add(new SseClient(otherStream, DevKeys.CLINIC2, null));
            open.add(new SseClient(otherStream, DevKeys.CLINIC2, null));
            open.forEach(stream -> assertEquals(200, stream.status()));
            given().header("X-API-Key", DevKeys.CLINIC).accept("text/event-stream")
                    .get("/v1/clinics/{clinic}/alerts/stream", "demo-clinic")
                    .then().statusCode(429).contentType("application/problem+json");

            await().atMost(NotifyFixtures.WITHIN).until(() -> open.get(0).comments().size() >= 2);
            assertEquals(List.of("heartbeat", "heartbeat"), open.get(0).comments().subList(0, 2));
            assertEquals(List.of(), open.get(0).events(), "a comment is no event");
        } finally {
            open.forEach(SseClient::close);
        }
    }
}
