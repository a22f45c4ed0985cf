package dev.dermaguard.risk.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.Risk;
import dev.dermaguard.common.events.RuleName;
import dev.dermaguard.common.events.SessionLogged;
import dev.dermaguard.common.events.SkinType;
import dev.dermaguard.common.kafka.UnprocessableRecordException;
import dev.dermaguard.risk.config.RuleConfig;
import dev.dermaguard.risk.repository.CheckInRepository;
import dev.dermaguard.risk.repository.NeedlingSession;
import dev.dermaguard.risk.repository.OpenRisks;
import dev.dermaguard.risk.repository.SessionRepository;
import dev.dermaguard.risk.repository.SessionRepository.Point;
import dev.dermaguard.risk.rules.NeedlingInflamedSkinRule;
import dev.dermaguard.risk.rules.PastSession;
import dev.dermaguard.risk.rules.RuleSet;
import dev.dermaguard.risk.rules.SessionFacts;

/**
 * Stores a session, judges it and queues its assessment, in the transaction of {@link EventAssessor} with the
 * consumed-event log: a redelivered session changes nothing, and an assessment is published exactly when its
 * session is stored. A
 * late session also judges again the check-ins on its area it now precedes.
 */
@ApplicationScoped
public class SessionAssessor {

    /** Intake's bounds for {@code needleDepthMm}. */
    private static final BigDecimal SHALLOWEST_MM = new BigDecimal("0.1");
    private static final BigDecimal DEEPEST_MM = new BigDecimal("3.0");


    /** The findings a session makes; the area's latest session replaces them. */
    static final Set<RuleName> SESSION_RULES = EnumSet.of(RuleName.HEALING_GAP, RuleName.OVERUSE,
            RuleName.DEPTH_ABOVE_HOME_LIMIT, RuleName.NEEDLING_INFLAMED_SKIN, RuleName.DEVICE_HYGIENE,
            RuleName.INEFFECTIVE_FOR_GOAL);

    private final SessionRepository sessions;
    private final OpenRisks openRisks;
    private final RuleSet rules;
    private final AssessmentPublisher publisher;
    private final RuleConfig config;
    private final CheckInRepository checkInHistory;
    private final CheckInAssessor checkIns;

    public SessionAssessor(SessionRepository sessions, OpenRisks openRisks, RuleSet rules, 
            AssessmentPublisher publisher, RuleConfig config, CheckInRepository checkInHistory,
            CheckInAssessor checkIns) {
        this.sessions = sessions;
        this.checkInHistory = checkInHistory;
        this.checkIns = checkIns;
        this.openRisks = openRisks;
        this.rules = rules;
        this.publisher = publisher;
        this.config = config;
    }

    /** In the caller's transaction, once per event ({@link EventAssessor}). */
    Uni<Void> storeAndJudge(SessionLogged session) {
        Point point = new Point(session.appId(), session.userId(), session.area(), session.performedAt());
        return sessions.persist(NeedlingSession.of(session))
                .flatMap(stored -> sessions.flush())
                .flatMap(flushed -> sessions.nextOnArea(point))
                // First the check-ins it now precedes: what they find again stands when this session is judged.
                .flatMap(next -> checkIns.judgeAgainAfter(session, next)
                        .flatMap(judgedAgain -> facts(session, point, next)))
                .flatMap(facts -> {
                    List<Risk> risks = rules.evaluate(facts);
                    boolean inflamedSkin = risks.stream().anyMatch(r -> r.rule() == RuleName.NEEDLING_INFLAMED_SKIN);
                    return keepOpen(point, session, facts.nextOnArea(), risks)
                            .flatMap(kept -> inflamedSkin
                                    ? sessions.judgedInflamedSkin(session.appId(), session.eventId(), true)
                                    : Uni.createFrom().voidItem())
                            .flatMap(recorded -> publisher.publish(point, session.eventId(), session.eventId(), risks));
                });
    }

    // One query at a time: a reactive session does not run two statements concurrently.
    private Uni<SessionFacts> facts(SessionLogged session, Point point, Optional<PastSession> next) {
        Duration areaReach = config.overuse().window();
        Duration daysReach = config.overuse().daysWindow();
        RuleConfig.IneffectiveForGoal shallow = config.ineffectiveForGoal();
        return sessions.previousOnArea(point, session.eventId())
                .flatMap(previous -> sessions.onAreaAround(point, areaReach)
                .flatMap(onArea -> sessions.anyAreaAround(point, daysReach)
                .flatMap(anyArea -> skinType(session, point)
                .flatMap(skinType -> checkInHistory.standing(point, NeedlingInflamedSkinRule.UNHEALED)
                .flatMap(open -> sessions.shallowHomeSessions(point, shallow.maxDepthMm(), shallow.minSessions())
                .map(count -> new SessionFacts(session, previous, next, onArea, anyArea, skinType, open.keySet(),
                        count)))))));
    }

    private Uni<Optional<SkinType>> skinType(SessionLogged session, Point point) {
        return session.skinType() != null ? Uni.createFrom().item(Optional.of(session.skinType()))
                : sessions.latestSkinType(point);
    }

    /** The area's latest session sets what stands on it; a late one only adds what it found. */
    private Uni<Void> keepOpen(Point point, SessionLogged session, Optional<PastSession> next, List<Risk> risks) {
        Uni<Void> replaced = next.isPresent() ? Uni.createFrom().voidItem() : openRisks.close(point, SESSION_RULES);
        return replaced.flatMap(closed -> openRisks.open(point, session.eventId(), risks));
    }

    /**
     * Intake validated the event; anything else on the topic that lacks a required field, or has a needle depth
     * intake would refuse, is not retried.
     */
    public static SessionLogged validated(SessionLogged s) {
        if (s.eventId() == null || s.appId() == null || s.userId() == null || s.performedAt() == null
                || s.area() == null || s.needleDepthMm() == null || s.device() == null) {
            throw new UnprocessableRecordException("SessionLogged lacks a required field");
        }
        if (s.needleDepthMm().compareTo(SHALLOWEST_MM) < 0 || s.needleDepthMm().compareTo(DEEPEST_MM) > 0) {
            throw new UnprocessableRecordException("SessionLogged has a needle depth outside 0.1 to 3.0 mm");
        }
        return s;
    }
}
