package dev.dermaguard.notify.service;

import static dev.dermaguard.notify.NotifyFixtures.daysAgo;
import static dev.dermaguard.notify.NotifyFixtures.risk;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.support.kafka.RecordBatches.Item;
import dev.dermaguard.notify.NotifyFixtures;
import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/** The alerting policy of DESIGN.md against a real broker and PostgreSQL, on the users' reported times. */
@QuarkusTest
@NotifyInfrastructure
class AlertingPolicyTest {

    @Inject
    EventCodec codec;
    @Inject
    Pool database;
    @Inject
    AlertService alerts;

    @Inject
    TopicClient topics;
    private NotifyFixtures user;

    @BeforeEach
    void connect() {
        user = new NotifyFixtures(topics, codec, database, "demo-app", "u-" + UUID.randomUUID());
    }

    @Test
    void aRepeatInsideTheCooldownIsCountedButNotSent() {
        RiskAssessed first = user.publish(user.assessment(daysAgo(3), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        RiskAssessed repeat = user.publish(user.assessment(daysAgo(1), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        user.awaitSettled(first.assessmentId(), repeat.assessmentId());

        List<AlertRaised> sent = user.alertsOn(Topics.ALERTS);
        assertEquals(1, sent.size(), "one alert per user, rule and area within the cooldown");
        assertEquals(first.assessmentId(), sent.get(0).assessmentId());
        given().header("X-API-Key", DevKeys.APP).get("/v1/users/{user}/alerts", user.userId())
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.is(1))
                .body("[0].occurrences", org.hamcrest.Matchers.is(2));
    }

    /** risk-service's re-judgement of one event after a late arrival is an assessment of its own about it. */
    @Test
    void aReJudgementRepeatingTheSameFindingIsNoNewFiring() {
        RiskAssessed first = user.publish(user.assessment(daysAgo(3), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        RiskAssessed again = user.publish(rejudged(first, risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        RiskAssessed higher = user.publish(rejudged(first, risk(RuleName.HEALING_GAP, Severity.HIGH)));
        user.awaitSettled(first.assessmentId(), again.assessmentId(), higher.assessmentId());

        List<AlertRaised> sent = user.alertsOn(Topics.ALERTS);
        assertEquals(List.of(Severity.MODERATE, Severity.HIGH), sent.stream().map(AlertRaised::severity).toList(),
                "the same finding again is nothing new; a higher one escalates as any firing would");
        assertEquals(List.of(1, 1), sent.stream().map(AlertRaised::occurrences).toList());
    }

    private static RiskAssessed rejudged(RiskAssessed earlier, Risk risk) {
        return new RiskAssessed(UUID.randomUUID(), earlier.sourceEventId(), earlier.appId(), earlier.userId(),
                earlier.area(), earlier.sourceEventAt(), Instant.now(), earlier.ruleSetVersion(), List.of(risk));
    }

    @Test
    void aRepeatAfterTheCooldownIsANewAlert() {
        RiskAssessed first = user.publish(user.assessment(daysAgo(9), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        RiskAssessed later = user.publish(user.assessment(daysAgo(1), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        user.awaitSettled(first.assessmentId(), later.assessmentId());

        List<AlertRaised> sent = user.alertsOn(Topics.ALERTS);
        assertEquals(2, sent.size());
        assertFalse(sent.get(1).escalated(), "a second firing is no repeat yet");
    }

    @Test
    void aHigherSeverityInsideTheCooldownEscalates() {
        RiskAssessed moderate = user.publish(user.assessment(daysAgo(2), risk(RuleName.OVERUSE, Severity.MODERATE)));
        RiskAssessed high = user.publish(user.assessment(daysAgo(1), risk(RuleName.OVERUSE, Severity.HIGH)));
        RiskAssessed highAgain = user.publish(user.assessment(daysAgo(0.5), risk(RuleName.OVERUSE, Severity.MODERATE)));
        user.awaitSettled(moderate.assessmentId(), high.assessmentId(), highAgain.assessmentId());

        List<AlertRaised> sent = user.alertsOn(Topics.ALERTS);
        assertEquals(List.of(Severity.MODERATE, Severity.HIGH), sent.stream().map(AlertRaised::severity).toList(),
                "the third firing is raised to HIGH, no higher than the HIGH alert standing: folded in");
        assertFalse(sent.get(0).escalated());
        assertTrue(sent.get(1).escalated());
        assertTrue(sent.get(1).message().contains("dermatologist"));
    }

    @Test
    void theThirdFiringWithin30DaysIsRaisedOneStepAndEscalated() {
        RiskAssessed first = user.publish(user.assessment(daysAgo(20), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        RiskAssessed second = user.publish(user.assessment(daysAgo(12), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        RiskAssessed third = user.publish(user.assessment(daysAgo(4), risk(RuleName.HEALING_GAP, Severity.MODERATE)));
        user.awaitSettled(first.assessmentId(), second.assessmentId(), third.assessmentId());

        List<AlertRaised> sent = user.alertsOn(Topics.ALERTS);
        assertEquals(List.of(Severity.MODERATE, Severity.MODERATE, Severity.HIGH),
                sent.stream().map(AlertRaised::severity).toList());
        assertEquals(List.of(false, false, true), sent.stream().map(AlertRaised::escalated).toList());
    }

    @Test
    void aCriticalRepeatStaysCriticalAndABackfillRaisesNothing() {
        RiskAssessed old = user.publish(user.assessment(daysAgo(40), risk(RuleName.INFECTION_SIGNS, Severity.CRITICAL)));
        RiskAssessed recent = user.publish(user.assessment(daysAgo(1), risk(RuleName.INFECTION_SIGNS, Severity.CRITICAL)));
        user.awaitSettled(old.assessmentId(), recent.assessmentId());

        List<AlertRaised> sent = user.alertsOn(Topics.ALERTS);
        assertEquals(1, sent.size(), "the 40-day-old finding is recorded, not alerted");
        assertEquals(recent.assessmentId(), sent.get(0).assessmentId());
        assertTrue(sent.get(0).message().contains("today"));
    }

    @Test
    void concurrentFiringsOfOneRuleOnOneAreaRaiseOneAlert() {
        // Eight different assessments of the same finding decided at once, as two instances in a rebalance would.
        List<RiskAssessed> racing = IntStream.range(0, 8)
                .mapToObj(i -> user.assessment(daysAgo(1), risk(RuleName.DEPTH_ABOVE_HOME_LIMIT, Severity.HIGH)))
                .toList();
        NotifyFixtures.allAtOnce(racing.stream()
                .<Supplier<Uni<Void>>>map(assessed -> () -> alerts.handle(List.of(Item.untraced("race", assessed)))).toList());
        user.awaitSettled(racing.stream().map(RiskAssessed::assessmentId).toArray(UUID[]::new));

        assertEquals(1, user.alertsOn(Topics.ALERTS).size());
        long occurrences = database.query("select occurrences from alert where user_id = '" + user.userId() + "'")
                .execute().await().atMost(NotifyFixtures.WITHIN).iterator().next().getInteger(0);
        assertEquals(8, occurrences, "every firing counted once");
    }
}
