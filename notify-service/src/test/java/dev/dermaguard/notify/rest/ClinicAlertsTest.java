package dev.dermaguard.notify.rest;

import static dev.dermaguard.notify.NotifyFixtures.daysAgo;
import static dev.dermaguard.notify.NotifyFixtures.risk;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.notify.NotifyFixtures;
import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/** Consent decides what a clinic receives, on its topic, over HTTP and live; nobody else's clinic sees it. */
@QuarkusTest
@NotifyInfrastructure
class ClinicAlertsTest {

    private static final String CLINIC = "demo-clinic";

    @Inject
    EventCodec codec;
    @Inject
    Pool database;
    @TestHTTPResource("/v1/clinics/" + CLINIC + "/alerts/stream")
    String streamUrl;

    @Inject
    TopicClient topics;
    private NotifyFixtures user;

    @BeforeEach
    void connect() {
        user = new NotifyFixtures(topics, codec, database, "demo-app", "u-" + UUID.randomUUID());
    }

    @Test
    void aClinicGetsAlertsOnlyWhileConsentStands() {
        RiskAssessed before = user.publish(user.assessment(daysAgo(3), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        user.awaitSettled(before.assessmentId());
        // Consents and assessments come on different topics: each waits for the other as an app's user would.
        UUID grant = user.consent(CLINIC, true).eventId();
        user.awaitSettled(grant);
        RiskAssessed during = user.publish(user.assessment(daysAgo(2), risk(RuleName.OVERUSE, Severity.MODERATE)));
        user.awaitSettled(during.assessmentId());
        UUID revoke = user.consent(CLINIC, false).eventId();
        user.awaitSettled(revoke);
        RiskAssessed after = user.publish(user.assessment(daysAgo(1), risk(RuleName.DEVICE_HYGIENE, Severity.MODERATE)));
        user.awaitSettled(after.assessmentId());

        assertEquals(3, user.alertsOn(Topics.ALERTS).size());
        List<AlertRaised> clinicCopies = user.alertsOn(Topics.clinicAlerts(CLINIC));
        assertEquals(List.of(during.assessmentId()), clinicCopies.stream().map(AlertRaised::assessmentId).toList());
        assertEquals(CLINIC, clinicCopies.get(0).clinicId());
        given().header("X-API-Key", DevKeys.CLINIC).get("/v1/clinics/{clinic}/alerts?limit=500", CLINIC)
                .then().statusCode(200)
                .body("findAll { it.alert.userId == '" + user.userId() + "' }.size()", is(1))
                .body("alert.clinicId", hasItem(CLINIC));
    }

    @Test
    void anotherClinicIsForbiddenAndAnotherAppsUserIsNotFound() {
        given().header("X-API-Key", DevKeys.CLINIC2).get("/v1/clinics/{clinic}/alerts", CLINIC)
                .then().statusCode(403).contentType("application/problem+json");
        try (SseClient foreign = new SseClient(streamUrl, DevKeys.CLINIC2, null)) {
            assertEquals(403, foreign.status());
        }
        given().header("X-API-Key", DevKeys.APP).get("/v1/clinics/{clinic}/alerts", CLINIC)
                .then().statusCode(403);

        RiskAssessed assessed = user.publish(user.assessment(daysAgo(1), risk(RuleName.HEALING_GAP, Severity.HIGH)));
        user.awaitSettled(assessed.assessmentId());
        given().header("X-API-Key", DevKeys.APP).get("/v1/users/{user}/alerts", user.userId())
                .then().statusCode(200).body("size()", is(1));
        given().header("X-API-Key", DevKeys.APP2).get("/v1/users/{user}/alerts", user.userId())
                .then().statusCode(404);
    }

    @Test
    void aStreamDeliversANewAlertAsItIsRaisedAndResumesFromItsLastEventId() {
        UUID grant = user.consent(CLINIC, true).eventId();
        user.awaitSettled(grant);
        String lastSeen;
        try (SseClient stream = new SseClient(streamUrl, DevKeys.CLINIC, null)) {
            assertEquals(200, stream.status());
            RiskAssessed first = user.publish(user.assessment(daysAgo(2), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
            await().atMost(NotifyFixtures.WITHIN).until(() -> stream.events().size() == 1);
            SseClient.Event event = stream.events().get(0);
            AlertRaised alert = codec.read(event.data(), AlertRaised.class);
            assertEquals(first.assessmentId(), alert.assessmentId());
            Instant committed = database.preparedQuery("select delivered_at from clinic_alert where alert_id = $1")
                    .execute(Tuple.of(alert.alertId())).await().atMost(NotifyFixtures.WITHIN)
                    .iterator().next().getOffsetDateTime(0).toInstant();
            Duration latency = Duration.between(committed, event.receivedAt());
            // Pushed by the delivery's NOTIFY: milliseconds here; the bound leaves room for a loaded machine.
            assertTrue(latency.compareTo(Duration.ofSeconds(5)) < 0, "delivered " + latency + " after it was raised");
            lastSeen = event.id();
        }
        RiskAssessed missed1 = user.publish(user.assessment(daysAgo(1.5), risk(RuleName.OVERUSE, Severity.MODERATE)));
        RiskAssessed missed2 = user.publish(user.assessment(daysAgo(1), risk(RuleName.DEVICE_HYGIENE, Severity.MODERATE)));
        user.awaitSettled(missed1.assessmentId(), missed2.assessmentId());

        try (SseClient resumed = new SseClient(streamUrl, DevKeys.CLINIC, lastSeen)) {
            await().atMost(NotifyFixtures.WITHIN).until(() -> resumed.events().size() >= 2);
            List<UUID> replayed = resumed.events().stream()
                    .map(e -> codec.read(e.data(), AlertRaised.class).assessmentId()).toList();
            assertEquals(List.of(missed1.assessmentId(), missed2.assessmentId()), replayed);
            assertEquals(Long.parseLong(lastSeen) + 1, Long.parseLong(resumed.events().get(0).id()));
        }
    }

    @Test
    void aMalformedConsentIsDeadLetteredAndOtherEventsAreNotNotifysConcern() {
        UUID session = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        topics.send(Topics.EVENTS, "demo-app:" + user.userId(), "{\"not\":\"a session\"}",
                CloudEventHeaders.of(session, EventTypes.SESSION_LOGGED, "/test", Instant.now()));
        topics.send(Topics.EVENTS, "demo-app:" + user.userId(), "[not a consent",
                CloudEventHeaders.of(broken, EventTypes.CONSENT_CHANGED, "/test", Instant.now()));
        UUID sentinel = user.consent(CLINIC, true).eventId();
        user.awaitSettled(sentinel);

        topics.awaitRecords(Topics.EVENTS + Topics.DLQ_SUFFIX,
                r -> broken.toString().equals(TopicClient.header(r, CloudEventHeaders.ID)), 1, NotifyFixtures.WITHIN);
        assertTrue(topics.read(Topics.EVENTS + Topics.DLQ_SUFFIX,
                r -> session.toString().equals(TopicClient.header(r, CloudEventHeaders.ID))).isEmpty(),
                "risk-service dead-letters what it cannot read; notify-service leaves its records alone");
    }

    @Test
    void anOperatorReadsWhoDidWhatAndNobodyElseDoes() {
        user.awaitSettled(user.consent(CLINIC, true).eventId());
        RiskAssessed assessed = user.publish(user.assessment(daysAgo(1), risk(RuleName.HEALING_GAP, Severity.HIGH)));
        user.awaitSettled(assessed.assessmentId());
        given().header("X-API-Key", DevKeys.CLINIC).get("/v1/clinics/{clinic}/alerts", CLINIC).then().statusCode(200);

        given().header("X-API-Key", DevKeys.OPERATOR).get("/v1/audit?limit=1000")
                .then().statusCode(200)
                .body("findAll { it.subject == 'user " + user.userId() + " clinic " + CLINIC + "' }.action",
                        hasItem("consent.granted"))
                .body("findAll { it.action == 'alert.raised' && it.detail.contains('" + user.userId() + "') }.size()",
                        is(1))
                .body("findAll { it.action == 'clinic.alerts.read' }.actorId", hasItem(CLINIC));
        given().header("X-API-Key", DevKeys.CLINIC).get("/v1/audit").then().statusCode(403);
    }
}
