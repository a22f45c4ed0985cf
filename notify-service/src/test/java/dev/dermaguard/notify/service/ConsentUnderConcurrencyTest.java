package dev.dermaguard.notify.service;

import static dev.dermaguard.notify.NotifyFixtures.daysAgo;
import static dev.dermaguard.notify.NotifyFixtures.risk;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.ConsentChanged;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.support.kafka.RecordBatches.Item;
import dev.dermaguard.notify.NotifyFixtures;
import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.notify.consent.ConsentService;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/** Consent against alerts raced on the real PostgreSQL, what a clinic sees after a revocation, unknown clinics. */
@QuarkusTest
@NotifyInfrastructure
class ConsentUnderConcurrencyTest {

    private static final String CLINIC = "demo-clinic";
    private static final List<RuleName> RULES = List.of(RuleName.HEALING_GAP, RuleName.OVERUSE, RuleName.DEVICE_HYGIENE);

    @Inject
    EventCodec codec;
    @Inject
    Pool database;
    @Inject
    AlertService alerts;
    @Inject
    ConsentService consents;
    @Inject
    TopicClient topics;
    private NotifyFixtures user;

    @BeforeEach
    void connect() {
        user = new NotifyFixtures(topics, codec, database, "demo-app", "u-" + UUID.randomUUID());
    }

    @Test
    void noAlertIsDeliveredAfterTheRevocationItRacedAndEachDeliveredOneIsFrozenByIt() {
        List<NotifyFixtures> users = IntStream.range(0, 12)
                .mapToObj(i -> new NotifyFixtures(topics, codec, database, "demo-app", "race-" + UUID.randomUUID()))
                .toList();
        List<UUID> grants = users.stream().map(u -> u.consent(CLINIC, true).eventId()).toList();
        users.get(0).awaitSettled(grants.toArray(UUID[]::new));

        // Per user three alerts (three rules, so three decision locks) and the revocation, all decided at once. The
        // revocations come in batches of four users each, in the reverse of the order alert batches lock users in.
        List<UUID> processed = new ArrayList<>();
        List<Supplier<Uni<Void>>> racing = new ArrayList<>();
        List<Item<ConsentChanged>> revocations = new ArrayList<>();
        for (NotifyFixtures u : users) {
            ConsentChanged revoke = new ConsentChanged(UUID.randomUUID(), u.appId(), u.userId(), CLINIC, false,
                    OffsetDateTime.now(ZoneOffset.UTC));
            processed.add(revoke.eventId());
            revocations.add(Item.untraced("race", revoke));
            if (revocations.size() == 4) {
                List<Item<ConsentChanged>> batch = revocations.stream()
                        .sorted(Comparator.comparing((Item<ConsentChanged> item) -> item.event().userId()).reversed())
                        .toList();
                racing.add(() -> consents.apply(batch));
                revocations = new ArrayList<>();
            }
            for (RuleName rule : RULES) {
                RiskAssessed assessed = u.assessment(daysAgo(1), risk(rule, Severity.MODERATE));
                processed.add(assessed.assessmentId());
                racing.add(() -> alerts.handle(List.of(Item.untraced("race", assessed))));
            }
        }
        NotifyFixtures.allAtOnce(racing);
        user.awaitSettled(processed.toArray(UUID[]::new));

        for (NotifyFixtures u : users) {
            assertEquals(3, u.alertsOn(Topics.ALERTS).size());
            List<Row> delivered = ofUser("select ca.alert_id, ca.occurrences_at_revocation from clinic_alert ca "
                    + "join alert a on a.alert_id = ca.alert_id where a.user_id = $1 and ca.clinic_id = $2", u.userId());
            // Decided before the revocation (it waited for the user's lock) or after it: never in between.
            delivered.forEach(row -> assertTrue(row.getInteger("occurrences_at_revocation") != null,
                    "alert " + row.getUUID("alert_id") + " was delivered after the revocation froze the user's alerts"));
            Set<UUID> onTopic = new HashSet<>(u.alertsOn(Topics.clinicAlerts(CLINIC)).stream()
                    .map(AlertRaised::alertId).toList());
            assertEquals(delivered.stream().map(row -> row.getUUID("alert_id")).collect(java.util.stream.Collectors.toSet()),
                    onTopic, "the clinic's topic holds exactly the deliveries");
            assertEquals(delivered.size(), u.alertsOn(Topics.clinicAlerts(CLINIC)).size(), "each once");
            assertFalse(ofUser("select granted from consent where user_id = $1 and clinic_id = $2", u.userId()).get(0)
                    .getBoolean("granted"));
        }
    }

    @Test
    void afterARevocationTheClinicSeesTheUsersAlertsAsTheyStoodThen() {
        user.awaitSettled(user.consent(CLINIC, true).eventId());
        // Infection signs are CRITICAL already: repeats fold into the standing alert instead of escalating.
        RiskAssessed raised = user.publish(user.assessment(daysAgo(3), risk(RuleName.INFECTION_SIGNS, Severity.CRITICAL)));
        user.awaitSettled(raised.assessmentId());
        RiskAssessed folded = user.publish(user.assessment(daysAgo(2.5), risk(RuleName.INFECTION_SIGNS, Severity.CRITICAL)));
        user.awaitSettled(folded.assessmentId());
        assertClinicSees(List.of(2), "while consent stands, the alert as it is now");

        user.awaitSettled(user.consent(CLINIC, false).eventId());
        RiskAssessed later = user.publish(user.assessment(daysAgo(2), risk(RuleName.INFECTION_SIGNS, Severity.CRITICAL)));
        RiskAssessed other = user.publish(user.assessment(daysAgo(1), risk(RuleName.OVERUSE, Severity.MODERATE)));
        user.awaitSettled(later.assessmentId(), other.assessmentId());

        given().header("X-API-Key", DevKeys.APP).get("/v1/users/{user}/alerts", user.userId())
                .then().statusCode(200).body("size()", is(2))
                .body("find { it.rule == 'INFECTION_SIGNS' }.occurrences", is(3));
        assertClinicSees(List.of(2), "after the revocation, as it stood then: later firings stay hidden");
    }

    @Test
    void aConsentNamingAnUnknownClinicIsAuditedAndChangesNothing() {
        UUID unknown = user.consent("no-such-clinic", true).eventId();
        UUID known = user.consent(CLINIC, true).eventId();
        user.awaitSettled(unknown, known);
        RiskAssessed assessed = user.publish(user.assessment(daysAgo(1), risk(RuleName.HEALING_GAP, Severity.HIGH)));
        user.awaitSettled(assessed.assessmentId());

        assertTrue(rows("select clinic_id from consent where user_id = $1 and clinic_id = $2", user.userId(),
                "no-such-clinic").isEmpty());
        assertTrue(rows("select clinic_id from clinic where clinic_id = $1", "no-such-clinic").isEmpty());
        assertTrue(topics.read(Topics.EVENTS + Topics.DLQ_SUFFIX,
                r -> unknown.toString().equals(TopicClient.header(r, CloudEventHeaders.ID))).isEmpty(), "not dead-lettered");
        assertEquals(1, user.alertsOn(Topics.clinicAlerts(CLINIC)).size(), "the known clinic still gets it");
        given().header("X-API-Key", DevKeys.OPERATOR).get("/v1/audit?limit=1000")
                .then().statusCode(200)
                .body("findAll { it.subject == 'user " + user.userId() + " clinic no-such-clinic' }.action",
                        hasItem("consent.unknown-clinic"));
    }

    private void assertClinicSees(List<Integer> occurrences, String why) {
        List<Integer> seen = given().header("X-API-Key", DevKeys.CLINIC)
                .get("/v1/clinics/{clinic}/alerts?limit=500", CLINIC)
                .then().statusCode(200)
                .extract().path("findAll { it.alert.userId == '" + user.userId() + "' }.alert.occurrences");
        assertEquals(occurrences, seen, why);
    }

    private List<Row> ofUser(String sql, String userId) {
        return rows(sql, userId, CLINIC);
    }

    private List<Row> rows(String sql, Object... parameters) {
        List<Row> out = new ArrayList<>();
        database.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(NotifyFixtures.WITHIN).forEach(out::add);
        return out;
    }
}
