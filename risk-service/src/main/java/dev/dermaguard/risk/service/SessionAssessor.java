package dev.dermaguard.risk.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.risk.config.RuleConfig;
import dev.dermaguard.risk.repository.NeedlingSession;
import dev.dermaguard.risk.repository.OpenRisks;
import dev.dermaguard.risk.repository.SessionRepository;
import dev.dermaguard.risk.repository.SessionRepository.Point;
import dev.dermaguard.risk.repository.SessionRepository.Reach;
import dev.dermaguard.risk.repository.SessionRepository.SessionHistory;
import dev.dermaguard.risk.service.AssessmentPublisher.Batch;
import dev.dermaguard.risk.rules.NeedlingInflamedSkinRule;
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

    /** The findings a session makes; the area's latest session replaces them. */
    static final Set<RuleName> SESSION_RULES = EnumSet.of(RuleName.HEALING_GAP, RuleName.OVERUSE,
            RuleName.DEPTH_ABOVE_HOME_LIMIT, RuleName.NEEDLING_INFLAMED_SKIN, RuleName.DEVICE_HYGIENE,
            RuleName.INEFFECTIVE_FOR_GOAL);

    private final SessionRepository sessions;
    private final OpenRisks openRisks;
    private final RuleSet rules;
    private final AssessmentPublisher publisher;
    private final RuleConfig config;
    private final CheckInAssessor checkIns;

    public SessionAssessor(SessionRepository sessions, OpenRisks openRisks, RuleSet rules,
            AssessmentPublisher publisher, RuleConfig config, CheckInAssessor checkIns) {
        this.sessions = sessions;
        this.checkIns = checkIns;
        this.openRisks = openRisks;
        this.rules = rules;
        this.publisher = publisher;
        this.config = config;
    }

    /** In the caller's transaction, once per event ({@link EventAssessor}). */
    Uni<Void> storeAndJudge(SessionLogged session, Batch assessments) {
        Point point = new Point(session.appId(), session.userId(), session.area(), session.performedAt());
        return sessions.persist(NeedlingSession.of(session))
                .flatMap(stored -> sessions.flush())
                .flatMap(flushed -> history(session, point))
                // First the check-ins it now precedes: what they find again stands when this session is judged.
                .flatMap(history -> history.checkInsAfter()
                        ? checkIns.judgeAgainAfter(session, history.nextOnArea(), assessments)
                                .flatMap(judgedAgain -> history(session, point))
                        : Uni.createFrom().item(history))
                .flatMap(history -> {
                    SessionFacts facts = new SessionFacts(session, history.previousOnArea(), history.nextOnArea(),
                            history.onAreaAround(), history.anyAreaAround(), session.skinType() != null
                                    ? Optional.of(session.skinType()) : history.latestSkinType(),
                            history.standing(), history.shallowHomeSessions());
                    List<Risk> risks = rules.evaluate(facts);
                    boolean inflamedSkin = risks.stream().anyMatch(r -> r.rule() == RuleName.NEEDLING_INFLAMED_SKIN);
                    return keepOpen(point, session, history, risks)
                            .flatMap(kept -> inflamedSkin
                                    ? sessions.judgedInflamedSkin(session.appId(), session.eventId(), true)
                                    : Uni.createFrom().voidItem())
                            .invoke(() -> publisher.publish(assessments, point, session.eventId(), session.eventId(),
                                    risks));
                });
    }

    private Uni<SessionHistory> history(SessionLogged session, Point point) {
        RuleConfig.IneffectiveForGoal shallow = config.ineffectiveForGoal();
        return sessions.history(point, session.eventId(), session.skinType() == null, new Reach(
                config.overuse().window(), config.overuse().daysWindow(), NeedlingInflamedSkinRule.UNHEALED,
                shallow.maxDepthMm(), shallow.minSessions(), SESSION_RULES));
    }

    /** The area's latest session sets what stands on it; a late one only adds what it found. */
    private Uni<Void> keepOpen(Point point, SessionLogged session, SessionHistory history, List<Risk> risks) {
        Uni<Void> replaced = history.nextOnArea().isPresent() || !history.sessionFindingsOpen()
                ? Uni.createFrom().voidItem() : openRisks.close(point, SESSION_RULES);
        return replaced.flatMap(closed -> openRisks.open(point, session.eventId(), risks));
    }
}
