package dev.dermaguard.risk.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.risk.repository.CheckInRepository;
import dev.dermaguard.risk.repository.NeedlingSession;
import dev.dermaguard.risk.repository.OpenRisks;
import dev.dermaguard.risk.repository.SessionRepository;
import dev.dermaguard.risk.repository.SessionRepository.Point;
import dev.dermaguard.risk.rules.NeedlingInflamedSkinRule;
import dev.dermaguard.risk.service.AssessmentPublisher.Batch;

/**
 * Judges sessions again for NEEDLING_INFLAMED_SKIN once a late check-in changed what stood on their area: a check-in
 * opens or closes findings for the sessions after it up to the next all-clear. Only a session whose verdict changes
 * gets a new assessment (with that rule's finding, or none); a sent alert stays sent.
 */
@ApplicationScoped
public class InflamedSkinReview {

    private final SessionRepository sessions;
    private final CheckInRepository checkIns;
    private final OpenRisks openRisks;
    private final NeedlingInflamedSkinRule rule;
    private final AssessmentPublisher publisher;

    public InflamedSkinReview(SessionRepository sessions, CheckInRepository checkIns, OpenRisks openRisks,
            NeedlingInflamedSkinRule rule, AssessmentPublisher publisher) {
        this.sessions = sessions;
        this.checkIns = checkIns;
        this.openRisks = openRisks;
        this.rule = rule;
        this.publisher = publisher;
    }

    /**
     * @param from the area and the earliest changed check-in's moment
     * @param lastChanged the latest changed check-in's moment
     * @param onArrivalOf the event whose arrival changed them (never judged again here: it is judged as it comes)
     */
    public Uni<Void> review(Point from, OffsetDateTime lastChanged, UUID onArrivalOf, Batch assessments) {
        return checkIns.nextAllClear(from.at(lastChanged))
                .flatMap(cleared -> sessions.onAreaFrom(from, cleared.orElse(Point.now(from.appId(), from.userId(),
                        from.area()).at())))
                .flatMap(found -> Multi.createFrom().iterable(found)
                        .filter(session -> !session.eventId.equals(onArrivalOf))
                        .onItem().transformToUniAndConcatenate(session -> judgeAgain(session, onArrivalOf, assessments))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> judgeAgain(NeedlingSession session, UUID onArrivalOf, Batch assessments) {
        Point at = new Point(session.appId, session.userId, session.area, session.performedAtLocal());
        return checkIns.standing(at, NeedlingInflamedSkinRule.UNHEALED).flatMap(open -> {
            List<Risk> verdict = rule.evaluate(session.asEvent(), open.keySet());
            boolean found = !verdict.isEmpty();
            if (found == session.inflamedSkin) {
                return Uni.createFrom().voidItem();
            }
            return keepState(at, session.eventId, verdict)
                    .flatMap(kept -> sessions.judgedInflamedSkin(session.appId, session.eventId, found))
                    .invoke(() -> publisher.publish(assessments, at, session.eventId, onArrivalOf, verdict));
        });
    }

    /** A session's findings stand only while it is the area's latest session. */
    private Uni<Void> keepState(Point at, UUID sessionId, List<Risk> verdict) {
        return sessions.nextOnArea(at).flatMap(next -> next.isPresent() ? Uni.createFrom().voidItem()
                : verdict.isEmpty() ? openRisks.withdraw(at, RuleName.NEEDLING_INFLAMED_SKIN, sessionId)
                : openRisks.open(at, sessionId, verdict));
    }
}
