package dev.dermaguard.notify.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.contract.kafka.RecordKeys;
import dev.dermaguard.notify.NotifyInfrastructure;
import dev.dermaguard.testsupport.TopicClient;

/** notify-service against a real broker and PostgreSQL: assessments in, alerts out through the outbox. */
@QuarkusTest
@NotifyInfrastructure
class AssessmentConsumerTest {

    private static final String APP = "test-app";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    EventCodec codec;

    @Inject
    TopicClient topics;
    private final String user = "u-" + UUID.randomUUID();

    @Test
    void aModerateOrHigherRiskBecomesAnAlertThatRecommendsADermatologist() {
        RiskAssessed assessed = assessment(risk(RuleName.HEALING_GAP, Severity.HIGH), risk(RuleName.DEVICE_HYGIENE, Severity.LOW));
        publish(assessed);

        ConsumerRecord<String, String> record = alertsFor(assessed, 1).get(0);
        AlertRaised alert = codec.read(record.value(), AlertRaised.class);

        assertEquals(RecordKeys.of(APP, user), record.key());
        assertEquals(EventTypes.ALERT_RAISED, TopicClient.header(record, CloudEventHeaders.TYPE));
        assertEquals(alert.alertId().toString(), TopicClient.header(record, CloudEventHeaders.ID));
        assertEquals(RuleName.HEALING_GAP, alert.rule());
        assertEquals(Severity.HIGH, alert.severity());
        assertEquals(Area.CHEEKS, alert.area());
        assertNull(alert.clinicId());
        assertEquals(assessed.sourceEventId(), alert.sourceEventId());
        assertTrue(alert.message().contains("dermatologist"), alert.message());
        assertFalse(alert.message().contains("today"), "only CRITICAL alerts say to seek care today");
        assertTrue(alert.summary().length() <= 140);
    }

    @Test
    void aCriticalAlertSaysToSeekCareToday() {
        RiskAssessed assessed = assessment(risk(RuleName.INFECTION_SIGNS, Severity.CRITICAL));
        publish(assessed);

        AlertRaised alert = codec.read(alertsFor(assessed, 1).get(0).value(), AlertRaised.class);

        assertTrue(alert.message().contains("today"), alert.message());
        assertTrue(alert.message().contains("dermatologist"), alert.message());
    }

    @Test
    void aRedeliveredAssessmentRaisesItsAlertOnce() {
        RiskAssessed assessed = assessment(risk(RuleName.OVERUSE, Severity.MODERATE));
        publish(assessed);
        publish(assessed);
        publish(assessed);
        RiskAssessed sentinel = assessment(risk(RuleName.HEALING_GAP, Severity.MODERATE));
        publish(sentinel);
        alertsFor(sentinel, 1);

        assertEquals(1, alertsFor(assessed, 1).size());
    }

    @Test
    void lowRisksStayInTheProfileAndAMalformedRecordIsDeadLettered() {
        RiskAssessed low = assessment(risk(RuleName.DEPTH_ABOVE_HOME_LIMIT, Severity.LOW));
        publish(low);
        UUID broken = UUID.randomUUID();
        topics.send(Topics.RISK_ASSESSMENTS, RecordKeys.of(APP, user), "[not an assessment",
                CloudEventHeaders.of(broken, EventTypes.RISK_ASSESSED, "/test", Instant.now()));
        RiskAssessed sentinel = assessment(risk(RuleName.HEALING_GAP, Severity.MODERATE));
        publish(sentinel);
        alertsFor(sentinel, 1);

        assertTrue(topics.read(Topics.ALERTS, r -> r.value().contains(low.assessmentId().toString())).isEmpty());
        ConsumerRecord<String, String> dead = topics.awaitRecords(Topics.RISK_ASSESSMENTS + Topics.DLQ_SUFFIX,
                r -> broken.toString().equals(TopicClient.header(r, CloudEventHeaders.ID)), 1, WITHIN).get(0);
        assertNotNull(TopicClient.header(dead, "dead-letter-reason"));
    }

    private Risk risk(RuleName rule, Severity severity) {
        return new Risk(rule, severity, "summary of " + rule, "detail of " + rule,
                new Evidence(List.of(UUID.randomUUID()), "P1D", "P7D"), null);
    }

    private RiskAssessed assessment(Risk... risks) {
        return new RiskAssessed(UUID.randomUUID(), UUID.randomUUID(), APP, user, Area.CHEEKS,
                OffsetDateTime.now(ZoneOffset.UTC), Instant.now(), "1", List.of(risks));
    }

    private void publish(RiskAssessed assessed) {
        topics.send(Topics.RISK_ASSESSMENTS, RecordKeys.of(APP, user), codec.write(assessed),
                CloudEventHeaders.of(assessed.assessmentId(), EventTypes.RISK_ASSESSED, "/test", Instant.now()));
    }

    private List<ConsumerRecord<String, String>> alertsFor(RiskAssessed assessed, int atLeast) {
        return topics.awaitRecords(Topics.ALERTS, r -> r.value().contains(assessed.assessmentId().toString()),
                atLeast, WITHIN);
    }
}
