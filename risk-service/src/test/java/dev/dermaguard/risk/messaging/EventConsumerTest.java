package dev.dermaguard.risk.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.ConsentChanged;
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.contract.kafka.RecordKeys;
import dev.dermaguard.risk.EventsTopic;
import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.risk.TestDatabase;
import dev.dermaguard.testsupport.TopicClient;

/** risk-service against a real broker and PostgreSQL: records in on microneedling.events, assessments out. */
@QuarkusTest
@RiskInfrastructure
class EventConsumerTest {

    private static final String APP = "test-app";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    TestDatabase database;
    @Inject
    EventCodec codec;

    @Inject
    TopicClient topics;
    @Inject
    EventsTopic events;
    private final String user = "u-" + UUID.randomUUID();
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void twoSessionsADayApartOnOneAreaAreAHealingGap() {
        SessionLogged first = session(now.minusDays(1));
        SessionLogged second = session(now);
        publish(first);
        publish(second);

        ConsumerRecord<String, String> record = assessmentOf(second.eventId());
        RiskAssessed assessed = codec.read(record.value(), RiskAssessed.class);

        assertEquals(RecordKeys.of(APP, user), record.key());
        assertEquals(EventTypes.RISK_ASSESSED, TopicClient.header(record, CloudEventHeaders.TYPE));
        assertEquals(assessed.assessmentId().toString(), TopicClient.header(record, CloudEventHeaders.ID));
        assertEquals("1", assessed.ruleSetVersion());
        // 0.5 mm is also above the shallow home depth: a LOW finding after the urgent one.
        assertEquals(List.of(RuleName.HEALING_GAP, RuleName.DEPTH_ABOVE_HOME_LIMIT), rules(assessed));
        assertEquals(Severity.LOW, assessed.risks().get(1).severity());
        assertEquals(Severity.HIGH, assessed.risks().get(0).severity());
        assertEquals(List.of(first.eventId(), second.eventId()), assessed.risks().get(0).evidence().eventIds());
        assertTrue(alerting(codec.read(assessmentOf(first.eventId()).value(), RiskAssessed.class)).isEmpty());
    }

    @Test
    void aRedeliveredSessionIsStoredAndAssessedOnce() throws SQLException {
        SessionLogged session = session(now.minusDays(1));
        for (int i = 0; i < 3; i++) {
            publish(session);
        }
        // Records of one user are processed in order: once the next one is assessed, the copies are done.
        SessionLogged sentinel = session(now);
        publish(sentinel);
        assessmentOf(sentinel.eventId());

        assertEquals(1, assessmentsOf(session.eventId()).size());
        assertEquals(2, storedSessionsOfUser());
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        UUID broken = UUID.randomUUID();
        topics.send(Topics.EVENTS, RecordKeys.of(APP, user), "{\"eventId\": \"" + broken + "\", \"area\": 7",
                CloudEventHeaders.of(broken, EventTypes.SESSION_LOGGED, "/test", Instant.now()));
        UUID unknown = UUID.randomUUID();
        topics.send(Topics.EVENTS, RecordKeys.of(APP, user), "{}",
                CloudEventHeaders.of(unknown, "dermaguard.something.else.v1", "/test", Instant.now()));

        List<ConsumerRecord<String, String>> dead = topics.awaitRecords(Topics.EVENTS + Topics.DLQ_SUFFIX,
                r -> List.of(broken.toString(), unknown.toString()).contains(TopicClient.header(r, CloudEventHeaders.ID)),
                2, WITHIN);
        dead.forEach(r -> assertNotNull(TopicClient.header(r, "dead-letter-reason"), "a reason is recorded"));

        SessionLogged next = session(now);
        publish(next);
        assessmentOf(next.eventId());
    }

    @Test
    void consentEventsAreNotRiskServicesConcern() {
        UUID consent = UUID.randomUUID();
        topics.send(Topics.EVENTS, RecordKeys.of(APP, user), codec.write(new ConsentChanged(consent, APP, user,
                "demo-clinic", true, now)), CloudEventHeaders.of(consent, EventTypes.CONSENT_CHANGED, "/test", Instant.now()));
        SessionLogged sentinel = session(now);
        publish(sentinel);
        assessmentOf(sentinel.eventId());

        assertTrue(assessmentsOf(consent).isEmpty());
        assertTrue(topics.read(Topics.EVENTS + Topics.DLQ_SUFFIX,
                r -> consent.toString().equals(TopicClient.header(r, CloudEventHeaders.ID))).isEmpty());
    }

    @Test
    void aLateCheckInIsJudgedAgainstTheSessionItFollows() {
        SessionLogged followed = session(now.minusDays(10));
        SessionLogged later = session(now.minusDays(1));
        publish(followed);
        publish(later);
        SymptomCheckIn late = checkIn(now.minusDays(5), Symptom.REDNESS);
        publish(late);

        RiskAssessed assessed = codec.read(assessmentOf(late.eventId()).value(), RiskAssessed.class);

        assertEquals(List.of(RuleName.PROLONGED_INFLAMMATION), rules(assessed));
        assertEquals(Severity.MODERATE, assessed.risks().get(0).severity());
        assertEquals(List.of(followed.eventId(), late.eventId()), assessed.risks().get(0).evidence().eventIds());
        assertEquals("1", assessed.ruleSetVersion());
    }

    @Test
    void openInflammationMakesTheNextSessionNeedleInflamedSkinUntilAnAllClear() {
        publish(session(now.minusDays(20)));
        SymptomCheckIn inflamed = checkIn(now.minusDays(15), Symptom.SWELLING);
        publish(inflamed);
        SessionLogged onInflamedSkin = session(now.minusDays(10));
        publish(onInflamedSkin);
        SymptomCheckIn allClear = checkIn(now.minusDays(5));
        publish(allClear);
        // Six days after the last session: too soon (HEALING_GAP), but no longer on inflamed skin.
        SessionLogged healed = session(now.minusDays(4));
        publish(healed);

        assertEquals(List.of(RuleName.NEEDLING_INFLAMED_SKIN),
                alerting(codec.read(assessmentOf(onInflamedSkin.eventId()).value(), RiskAssessed.class)));
        assertTrue(codec.read(assessmentOf(allClear.eventId()).value(), RiskAssessed.class).risks().isEmpty());
        assertEquals(List.of(RuleName.HEALING_GAP),
                alerting(codec.read(assessmentOf(healed.eventId()).value(), RiskAssessed.class)));
    }

    @Test
    void aRedeliveredCheckInIsStoredAndAssessedOnce() throws SQLException {
        publish(session(now.minusDays(2)));
        SymptomCheckIn checkIn = checkIn(now.minusDays(1), Symptom.PUS);
        for (int i = 0; i < 3; i++) {
            publish(checkIn);
        }
        SymptomCheckIn sentinel = checkIn(now);
        publish(sentinel);
        assessmentOf(sentinel.eventId());

        List<ConsumerRecord<String, String>> assessments = assessmentsOf(checkIn.eventId());
        assertEquals(1, assessments.size());
        assertEquals(List.of(RuleName.INFECTION_SIGNS),
                rules(codec.read(assessments.get(0).value(), RiskAssessed.class)));
        assertEquals(2, count("select count(*) from symptom_check_in where user_id = ?"));
    }

    @Test
    void aCheckInWithoutItsSymptomsGoesToTheDeadLetterTopic() {
        UUID incomplete = UUID.randomUUID();
        topics.send(Topics.EVENTS, RecordKeys.of(APP, user), "{\"eventId\":\"" + incomplete + "\",\"appId\":\"" + APP
                + "\",\"userId\":\"" + user + "\",\"reportedAt\":\"" + now + "\",\"area\":\"CHEEKS\"}",
                CloudEventHeaders.of(incomplete, EventTypes.CHECKIN_REPORTED, "/test", Instant.now()));

        ConsumerRecord<String, String> dead = topics.awaitRecords(Topics.EVENTS + Topics.DLQ_SUFFIX,
                r -> incomplete.toString().equals(TopicClient.header(r, CloudEventHeaders.ID)), 1, WITHIN).get(0);
        assertNotNull(TopicClient.header(dead, "dead-letter-reason"));
        SymptomCheckIn next = checkIn(now);
        publish(next);
        assessmentOf(next.eventId());
    }

    @Test
    void aSessionWithADepthIntakeWouldRefuseGoesToTheDeadLetterTopic() {
        SessionLogged tooShallow = new SessionLogged(UUID.randomUUID(), APP, user, now, Area.CHEEKS,
                new BigDecimal("-3"), Device.ROLLER, null, null, null, null, null, null);
        publish(tooShallow);

        ConsumerRecord<String, String> dead = topics.awaitRecords(Topics.EVENTS + Topics.DLQ_SUFFIX,
                r -> tooShallow.eventId().toString().equals(TopicClient.header(r, CloudEventHeaders.ID)), 1, WITHIN).get(0);
        assertNotNull(TopicClient.header(dead, "dead-letter-reason"));
        SessionLogged next = session(now);
        publish(next);
        assessmentOf(next.eventId());
    }

    @Test
    void twoAppsThatPickOneEventIdBothTakeEffect() throws SQLException {
        String otherApp = "test-app-2";
        UUID shared = UUID.randomUUID();
        SessionLogged ours = withId(session(now.minusDays(1)), shared, APP);
        SessionLogged theirs = withId(session(now.minusDays(1)), shared, otherApp);
        publish(ours);
        publish(theirs);
        SessionLogged ourNext = session(now);
        SessionLogged theirNext = withId(session(now), UUID.randomUUID(), otherApp);
        publish(ourNext);
        publish(theirNext);

        for (SessionLogged next : List.of(ourNext, theirNext)) {
            RiskAssessed assessed = codec.read(assessmentOf(next.eventId()).value(), RiskAssessed.class);
            assertEquals(next.appId(), assessed.appId());
            assertEquals(List.of(RuleName.HEALING_GAP), alerting(assessed));
            assertEquals(List.of(shared, next.eventId()), assessed.risks().get(0).evidence().eventIds());
        }
        List<RiskAssessed> ofShared = assessmentsOf(shared).stream()
                .map(r -> codec.read(r.value(), RiskAssessed.class)).toList();
        assertEquals(Set.of(APP, otherApp), Set.copyOf(ofShared.stream().map(RiskAssessed::appId).toList()));
        assertEquals(2, Set.copyOf(ofShared.stream().map(RiskAssessed::assessmentId).toList()).size(),
                "each app's event has an assessment id of its own");
        assertEquals(2, count("select count(*) from needling_session where user_id = ? and event_id = '"
                + shared + "'"));
    }

    @Test
    void aPusCheckInSyncedBeforeItsSessionRaisesInfectionSignsWhenTheSessionArrives() {
        SymptomCheckIn pus = checkIn(now.minusDays(1), Symptom.PUS);
        publish(pus);
        SessionLogged session = session(now.minusDays(3));
        for (int i = 0; i < 2; i++) {
            publish(session);
        }
        assessmentOf(session.eventId());

        List<RiskAssessed> ofCheckIn = topics.awaitRecords(Topics.RISK_ASSESSMENTS,
                r -> r.value().contains(pus.eventId().toString())
                        && codec.read(r.value(), RiskAssessed.class).sourceEventId().equals(pus.eventId()), 2, WITHIN)
                .stream().map(r -> codec.read(r.value(), RiskAssessed.class)).toList();
        // One judgement on its own arrival (no session to follow yet), one on the session's.
        assertEquals(Set.of(List.of(), List.of(RuleName.INFECTION_SIGNS)),
                Set.copyOf(ofCheckIn.stream().map(EventConsumerTest::rules).toList()));
        RiskAssessed again = ofCheckIn.stream().filter(a -> !a.risks().isEmpty()).findFirst().orElseThrow();
        assertEquals(List.of(session.eventId(), pus.eventId()), again.risks().get(0).evidence().eventIds());
        // The redelivered session judged nothing again: a sentinel after it is assessed, and still two.
        SymptomCheckIn sentinel = checkIn(now);
        publish(sentinel);
        assessmentOf(sentinel.eventId());
        assertEquals(2, assessmentsOf(pus.eventId()).size());
    }

    private static SessionLogged withId(SessionLogged s, UUID id, String appId) {
        return new SessionLogged(id, appId, s.userId(), s.performedAt(), s.area(), s.needleDepthMm(), s.device(),
                s.setting(), s.skinType(), s.symptomsBefore(), s.deviceUses(), s.deviceDisinfected(), s.goal());
    }

    private static List<RuleName> rules(RiskAssessed assessed) {
        return assessed.risks().stream().map(Risk::rule).toList();
    }

    /** The findings that become alerts; 0.5 mm sessions also carry a LOW depth finding. */
    private static List<RuleName> alerting(RiskAssessed assessed) {
        return assessed.risks().stream().filter(r -> r.severity().alerts()).map(Risk::rule).toList();
    }

    private SymptomCheckIn checkIn(OffsetDateTime at, Symptom... symptoms) {
        return new SymptomCheckIn(UUID.randomUUID(), APP, user, at, Area.CHEEKS, Set.of(symptoms));
    }

    private SessionLogged session(OffsetDateTime at) {
        return EventsTopic.session(APP, user, at, Area.CHEEKS, "0.5");
    }

    private void publish(SessionLogged session) {
        events.publish(session);
    }

    private void publish(SymptomCheckIn checkIn) {
        events.publish(checkIn);
    }

    /** The first assessment of the event (a late arrival may judge it again). */
    private ConsumerRecord<String, String> assessmentOf(UUID sourceEventId) {
        return topics.awaitRecords(Topics.RISK_ASSESSMENTS, r -> r.value().contains(sourceEventId.toString())
                && codec.read(r.value(), RiskAssessed.class).sourceEventId().equals(sourceEventId), 1, WITHIN).get(0);
    }

    private List<ConsumerRecord<String, String>> assessmentsOf(UUID sourceEventId) {
        return topics.read(Topics.RISK_ASSESSMENTS, r -> r.value().contains(sourceEventId.toString())
                && codec.read(r.value(), RiskAssessed.class).sourceEventId().equals(sourceEventId));
    }

    private int storedSessionsOfUser() throws SQLException {
        return count("select count(*) from needling_session where user_id = ?");
    }

    private int count(String sql) throws SQLException {
        try (Connection db = database.connect();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
