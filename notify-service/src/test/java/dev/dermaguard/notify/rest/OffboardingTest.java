package dev.dermaguard.notify.rest;

import static dev.dermaguard.notify.NotifyFixtures.daysAgo;
import static dev.dermaguard.notify.NotifyFixtures.risk;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.notify.NotifyFixtures;
import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/** An operator offboards a clinic: consents, pending deliveries and open streams end, audited, once. */
@QuarkusTest
@NotifyInfrastructure
class OffboardingTest {

    private static final String CLINIC = "other-clinic";
    private static final String BACKLOG_KEY = "offboarding-backlog";
    private static final int BACKLOG = 2000;

    @Inject
    EventCodec codec;
    @Inject
    Pool database;
    @Inject
    TopicClient topics;
    @TestHTTPResource("/v1/clinics/" + CLINIC + "/alerts/stream")
    String streamUrl;

    @Test
    void offboardingEndsConsentsPendingDeliveriesAndStreamsAndIsIdempotent() {
        List<NotifyFixtures> users = List.of(user(), user());
        users.get(0).awaitSettled(users.stream().map(u -> u.consent(CLINIC, true).eventId()).toArray(UUID[]::new));
        NotifyFixtures first = users.get(0);
        RiskAssessed before = first.publish(first.assessment(daysAgo(3), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        first.awaitSettled(before.assessmentId());
        // A backlog of deliveries to the clinic that the relay is still publishing when the offboarding comes.
        database.preparedQuery("insert into outbox_message (topic, record_key, event_id, event_type, payload) "
                        + "select $1, $2, gen_random_uuid(), 'test', '{}' from generate_series(1, $3)")
                .execute(Tuple.of(Topics.clinicAlerts(CLINIC), BACKLOG_KEY, BACKLOG)).await().atMost(NotifyFixtures.WITHIN);

        int deleted;
        try (SseClient stream = new SseClient(streamUrl, DevKeys.CLINIC2, null)) {
            assertEquals(200, stream.status());
            deleted = given().header("X-API-Key", DevKeys.OPERATOR).post("/v1/operator/clinics/{clinic}/offboarding", CLINIC)
                    .then().statusCode(200)
                    .body("clinicId", is(CLINIC))
                    .body("consentsEnded", greaterThanOrEqualTo(2))
                    .extract().path("pendingDeliveriesDeleted");
            await().atMost(NotifyFixtures.WITHIN).until(stream::ended);
        }
        assertEquals(0, count("select count(*) from outbox_message where topic = $1", Topics.clinicAlerts(CLINIC)));
        assertEquals(0, count("select count(*) from consent where clinic_id = $1 and granted", CLINIC));

        RiskAssessed after = first.publish(first.assessment(daysAgo(1), risk(RuleName.OVERUSE, Severity.MODERATE)));
        first.awaitSettled(after.assessmentId());
        // Each pending delivery was deleted or had already gone out (one the relay was sending may do both).
        int published = topics.read(Topics.clinicAlerts(CLINIC), r -> r.key().equals(BACKLOG_KEY)).size();
        assertTrue(deleted + published >= BACKLOG, deleted + " deleted, " + published + " published");
        assertEquals(List.of(before.assessmentId()), first.alertsOn(Topics.clinicAlerts(CLINIC)).stream()
                .map(a -> a.assessmentId()).toList(), "nothing reaches the clinic after its offboarding");
        assertEquals(2, first.alertsOn(Topics.ALERTS).size(), "the app's user is still alerted");

        given().header("X-API-Key", DevKeys.OPERATOR).post("/v1/operator/clinics/{clinic}/offboarding", CLINIC)
                .then().statusCode(200).body("consentsEnded", is(0)).body("pendingDeliveriesDeleted", is(0));
        for (NotifyFixtures u : users) {
            given().header("X-API-Key", DevKeys.OPERATOR).get("/v1/audit?limit=1000")
                    .then().statusCode(200)
                    .body("findAll { it.subject == 'user " + u.userId() + " clinic " + CLINIC + "' && it.actorId == "
                            + "'local-operator' }.action", hasItem("consent.revoked"));
        }
        given().header("X-API-Key", DevKeys.OPERATOR).get("/v1/audit?limit=1000")
                .then().statusCode(200)
                .body("findAll { it.action == 'clinic.offboarded' && it.subject == 'clinic " + CLINIC + "' }.size()",
                        is(2));
    }

    @Test
    void onlyAnOperatorOffboards() {
        given().header("X-API-Key", DevKeys.CLINIC2).post("/v1/operator/clinics/{clinic}/offboarding", CLINIC)
                .then().statusCode(403);
        given().header("X-API-Key", DevKeys.APP).post("/v1/operator/clinics/{clinic}/offboarding", CLINIC)
                .then().statusCode(403);
    }

    private NotifyFixtures user() {
        return new NotifyFixtures(topics, codec, database, "demo-app", "u-" + UUID.randomUUID());
    }

    private long count(String sql, String parameter) {
        return database.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(NotifyFixtures.WITHIN)
                .iterator().next().getLong(0);
    }
}
