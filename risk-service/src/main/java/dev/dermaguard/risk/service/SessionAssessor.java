package dev.dermaguard.risk.service;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.Topics;
import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.events.RiskAssessed;
import dev.dermaguard.common.events.SessionLogged;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.common.kafka.RecordKeys;
import dev.dermaguard.common.kafka.UnprocessableRecordException;
import dev.dermaguard.outbox.ConsumedEvents;
import dev.dermaguard.outbox.Outbox;
import dev.dermaguard.risk.config.RuleConfig;
import dev.dermaguard.risk.repository.Assessment;
import dev.dermaguard.risk.repository.NeedlingSession;
import dev.dermaguard.risk.repository.SessionRepository;
import dev.dermaguard.risk.rules.RuleSet;
import dev.dermaguard.risk.rules.SessionFacts;

/**
 * Stores a session, judges it and queues its assessment, all in one transaction with the consumed-event log:
 * a redelivered session changes nothing, and an assessment is published exactly when its session is stored.
 */
@ApplicationScoped
public class SessionAssessor {

    private final SessionRepository sessions;
    private final RuleSet rules;
    private final ConsumedEvents consumed;
    private final Outbox outbox;
    private final EventCodec codec;
    private final Duration areaReach;
    private final Duration daysReach;
    private final Clock clock;

    public SessionAssessor(SessionRepository sessions, RuleSet rules, ConsumedEvents consumed, Outbox outbox,
            EventCodec codec, RuleConfig config) {
        this.sessions = sessions;
        this.rules = rules;
        this.consumed = consumed;
        this.outbox = outbox;
        this.codec = codec;
        this.areaReach = config.overuse().window();
        this.daysReach = config.overuse().daysWindow();
        this.clock = Clock.systemUTC();
    }

    public Uni<Void> assess(SessionLogged session) {
        requireComplete(session);
        return Panache.withTransaction(() -> consumed.firstDelivery(session.eventId())
                .flatMap(first -> first ? storeAndJudge(session) : Uni.createFrom().voidItem()));
    }

    private Uni<Void> storeAndJudge(SessionLogged session) {
        return sessions.persist(NeedlingSession.of(session))
                .flatMap(stored -> sessions.flush())
                .flatMap(flushed -> facts(session))
                .flatMap(facts -> publish(session, facts));
    }

    // One query at a time: a reactive session does not run two statements concurrently.
    private Uni<SessionFacts> facts(SessionLogged session) {
        return sessions.previousOnArea(session).flatMap(previous -> sessions.nextOnArea(session)
                .flatMap(next -> sessions.onAreaAround(session, areaReach)
                        .flatMap(onArea -> sessions.anyAreaAround(session, daysReach)
                                .map(anyArea -> new SessionFacts(session, previous, next, onArea, anyArea)))));
    }

    private Uni<Void> publish(SessionLogged session, SessionFacts facts) {
        RiskAssessed assessed = new RiskAssessed(UUID.randomUUID(), session.eventId(), session.appId(),
                session.userId(), session.area(), session.performedAt(), clock.instant(), rules.version(),
                rules.evaluate(facts));
        return Assessment.of(assessed, codec.write(assessed)).persist()
                .flatMap(stored -> outbox.enqueue(Topics.RISK_ASSESSMENTS,
                        RecordKeys.of(session.appId(), session.userId()), assessed.assessmentId(),
                        EventTypes.RISK_ASSESSED, assessed));
    }

    /** Intake validated the event; anything else on the topic that lacks a required field is not retried. */
    private static void requireComplete(SessionLogged s) {
        if (s.eventId() == null || s.appId() == null || s.userId() == null || s.performedAt() == null
                || s.area() == null || s.needleDepthMm() == null || s.device() == null) {
            throw new UnprocessableRecordException("SessionLogged lacks a required field");
        }
    }
}
