package dev.dermaguard.risk.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.Risk;
import dev.dermaguard.common.events.RuleName;
import dev.dermaguard.common.events.SkinType;
import dev.dermaguard.common.events.SymptomCheckIn;
import dev.dermaguard.common.kafka.UnprocessableRecordException;
import dev.dermaguard.outbox.ConsumedEvents;
import dev.dermaguard.risk.repository.OpenRisks;
import dev.dermaguard.risk.repository.SessionRepository;
import dev.dermaguard.risk.repository.SessionRepository.Point;
import dev.dermaguard.risk.repository.StoredCheckIn;
import dev.dermaguard.risk.rules.CheckInFacts;
import dev.dermaguard.risk.rules.PastSession;
import dev.dermaguard.risk.rules.RuleSet;

/**
 * Stores a check-in, judges it against the session it follows and queues its assessment in one transaction
 * with the consumed-event log. An all-clear check-in closes the area's check-in findings raised before it.
 */
@ApplicationScoped
public class CheckInAssessor {

    /** The findings a check-in makes, and an all-clear closes. */
    static final Set<RuleName> CHECK_IN_RULES = EnumSet.of(RuleName.PROLONGED_INFLAMMATION,
            RuleName.INFECTION_SIGNS, RuleName.PIGMENTATION, RuleName.TECHNIQUE_DAMAGE);

    private final SessionRepository sessions;
    private final OpenRisks openRisks;
    private final RuleSet rules;
    private final ConsumedEvents consumed;
    private final AssessmentPublisher publisher;

    public CheckInAssessor(SessionRepository sessions, OpenRisks openRisks, RuleSet rules, ConsumedEvents consumed,
            AssessmentPublisher publisher) {
        this.sessions = sessions;
        this.openRisks = openRisks;
        this.rules = rules;
        this.consumed = consumed;
        this.publisher = publisher;
    }

    public Uni<Void> assess(SymptomCheckIn checkIn) {
        requireComplete(checkIn);
        return Panache.withTransaction(() -> consumed.firstDelivery(checkIn.eventId())
                .flatMap(first -> first ? storeAndJudge(checkIn) : Uni.createFrom().voidItem()));
    }

    private Uni<Void> storeAndJudge(SymptomCheckIn checkIn) {
        Point point = new Point(checkIn.appId(), checkIn.userId(), checkIn.area(), checkIn.reportedAt());
        return StoredCheckIn.of(checkIn).persist()
                .flatMap(stored -> sessions.previousOnArea(point, checkIn.eventId()))
                .flatMap(followed -> skinType(followed, point)
                        .map(skinType -> new CheckInFacts(checkIn, followed, skinType)))
                .flatMap(facts -> {
                    List<Risk> risks = rules.evaluate(facts);
                    Uni<Void> state = facts.allClear() ? openRisks.close(point, CHECK_IN_RULES)
                            : openRisks.open(point, checkIn.eventId(), risks);
                    return state.flatMap(kept -> publisher.publish(checkIn.eventId(), checkIn.appId(),
                            checkIn.userId(), checkIn.area(), checkIn.reportedAt(), risks));
                });
    }

    private Uni<Optional<SkinType>> skinType(Optional<PastSession> followed, Point point) {
        Optional<SkinType> own = followed.map(PastSession::skinType);
        return own.isPresent() ? Uni.createFrom().item(own) : sessions.latestSkinType(point);
    }

    /** Intake validated the event; anything else on the topic that lacks a required field is not retried. */
    private static void requireComplete(SymptomCheckIn c) {
        if (c.eventId() == null || c.appId() == null || c.userId() == null || c.reportedAt() == null
                || c.area() == null || c.symptoms() == null) {
            throw new UnprocessableRecordException("SymptomCheckIn lacks a required field");
        }
    }
}
