package dev.dermaguard.risk.service;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.risk.repository.CheckInRepository;
import dev.dermaguard.risk.repository.OpenRisks;
import dev.dermaguard.risk.repository.SessionRepository;
import dev.dermaguard.risk.repository.SessionRepository.Point;
import dev.dermaguard.risk.repository.StoredCheckIn;
import dev.dermaguard.risk.rules.CheckInFacts;
import dev.dermaguard.risk.rules.NeedlingInflamedSkinRule;
import dev.dermaguard.risk.rules.PastSession;
import dev.dermaguard.risk.rules.RuleSet;
import dev.dermaguard.risk.service.AssessmentPublisher.Batch;

/**
 * Stores a check-in, judges it against the session it follows and queues its assessment, in the transaction of
 * {@link EventAssessor} with the consumed-event log. A check-in is judged against the session it follows whenever
 * either arrived: a session stored later judges again the check-ins it now precedes ({@link #judgeAgainAfter}).
 */
@ApplicationScoped
public class CheckInAssessor {

    /** The findings a check-in makes, and an all-clear closes. */
    static final Set<RuleName> CHECK_IN_RULES = EnumSet.of(RuleName.PROLONGED_INFLAMMATION,
            RuleName.INFECTION_SIGNS, RuleName.PIGMENTATION, RuleName.TECHNIQUE_DAMAGE);

    private final SessionRepository sessions;
    private final CheckInRepository checkIns;
    private final OpenRisks openRisks;
    private final RuleSet rules;
    private final AssessmentPublisher publisher;
    private final InflamedSkinReview inflamedSkin;

    public CheckInAssessor(SessionRepository sessions, CheckInRepository checkIns, OpenRisks openRisks, RuleSet rules,
            AssessmentPublisher publisher, InflamedSkinReview inflamedSkin) {
        this.sessions = sessions;
        this.checkIns = checkIns;
        this.openRisks = openRisks;
        this.rules = rules;
        this.publisher = publisher;
        this.inflamedSkin = inflamedSkin;
    }

    /** In the caller's transaction, once per event ({@link EventAssessor}). */
    Uni<Void> storeAndJudge(SymptomCheckIn checkIn, Batch assessments) {
        Point point = pointOf(checkIn);
        return StoredCheckIn.of(checkIn).persistAndFlush()
                .flatMap(stored -> facts(checkIn))
                .flatMap(facts -> judge(facts, checkIn.eventId(), assessments).flatMap(risks -> {
                    // A check-in that found nothing and cleared nothing leaves the area's findings as they stood.
                    boolean changes = facts.allClear() || !risks.isEmpty();
                    return (changes ? restate(point) : Uni.createFrom().voidItem())
                            // What it found unhealed, or cleared, changes what stood on the area for the sessions after it.
                            .flatMap(restated -> facts.allClear() || risks.stream().map(Risk::rule)
                                    .anyMatch(NeedlingInflamedSkinRule.UNHEALED::contains)
                                    ? inflamedSkin.review(point, checkIn.reportedAt(), checkIn.eventId(), assessments)
                                    : Uni.createFrom().voidItem());
                }));
    }

    /**
     * Judges again the check-ins on the new session's area that now follow it (up to {@code next}, the area's
     * following session), each with an assessment of its own, and what their findings change for later sessions.
     */
    Uni<Void> judgeAgainAfter(SessionLogged session, Optional<PastSession> next, Batch assessments) {
        Point point = new Point(session.appId(), session.userId(), session.area(), session.performedAt());
        OffsetDateTime until = next.map(PastSession::performedAt)
                .orElse(Point.now(session.appId(), session.userId(), session.area()).at());
        return checkIns.onAreaFrom(point, until)
                .flatMap(found -> Multi.createFrom().iterable(found)
                        .onItem().transformToUniAndConcatenate(
                                stored -> judgeAgain(stored.asEvent(), session.eventId(), assessments))
                        .filter(Optional::isPresent).map(Optional::get)
                        .collect().asList())
                .flatMap(changed -> changed.isEmpty() ? Uni.createFrom().voidItem()
                        : restate(point).flatMap(restated -> inflamedSkin.review(point.at(changed.get(0)),
                                changed.get(changed.size() - 1), session.eventId(), assessments)));
    }

    /** The check-in's moment if the session is now the one it follows, so it was judged again. */
    private Uni<Optional<OffsetDateTime>> judgeAgain(SymptomCheckIn checkIn, UUID sessionId, Batch assessments) {
        return facts(checkIn).flatMap(facts -> facts.followed().map(PastSession::eventId).filter(sessionId::equals)
                .isEmpty() ? Uni.createFrom().item(Optional.<OffsetDateTime>empty())
                : judge(facts, sessionId, assessments).replaceWith(Optional.of(checkIn.reportedAt())));
    }

    private Uni<CheckInFacts> facts(SymptomCheckIn checkIn) {
        Point point = pointOf(checkIn);
        return sessions.checkInHistory(point, checkIn.eventId())
                .map(history -> new CheckInFacts(checkIn, history.followed(), history.skinType()));
    }

    private Uni<List<Risk>> judge(CheckInFacts facts, UUID onArrivalOf, Batch assessments) {
        SymptomCheckIn checkIn = facts.checkIn();
        List<Risk> risks = rules.evaluate(facts);
        return checkIns.judged(checkIn, risks, !onArrivalOf.equals(checkIn.eventId()))
                .invoke(() -> publisher.publish(assessments, pointOf(checkIn), checkIn.eventId(), onArrivalOf, risks))
                .replaceWith(risks);
    }

    /** The area's check-in findings in the risk state become what its check-ins stand for now. */
    private Uni<Void> restate(Point point) {
        Point now = Point.now(point.appId(), point.userId(), point.area());
        return openRisks.restate(now, CHECK_IN_RULES);
    }

    private static Point pointOf(SymptomCheckIn checkIn) {
        return new Point(checkIn.appId(), checkIn.userId(), checkIn.area(), checkIn.reportedAt());
    }
}
