package dev.dermaguard.risk.service;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.support.kafka.RecordBatches.Item;
import dev.dermaguard.outbox.ConsumedEvents;
import dev.dermaguard.outbox.ConsumedEvents.EventId;

/**
 * Assesses the sessions and check-ins of one poll in one transaction with the consumed-event log: each event
 * first delivered takes effect once, in the order received, judged against everything stored before it (the
 * earlier events of its batch included); a redelivered one changes nothing.
 */
@ApplicationScoped
public class EventAssessor {

    private final SessionAssessor sessions;
    private final CheckInAssessor checkIns;
    private final ConsumedEvents consumed;
    private final AssessmentPublisher publisher;

    public EventAssessor(SessionAssessor sessions, CheckInAssessor checkIns, ConsumedEvents consumed,
            AssessmentPublisher publisher) {
        this.sessions = sessions;
        this.checkIns = checkIns;
        this.consumed = consumed;
        this.publisher = publisher;
    }

    /** @param events {@link SessionLogged} and {@link SymptomCheckIn} events, valid by their constraints */
    public Uni<Void> assess(List<Item<Object>> events) {
        return Panache.withTransaction(() -> {
            // Per attempt: a retried transaction starts from nothing.
            AssessmentPublisher.Batch assessments = new AssessmentPublisher.Batch();
            return consumed.takeEffectOnce(events, EventAssessor::idOf, event -> judge(event, assessments))
                    .flatMap(judged -> publisher.write(assessments));
        });
    }

    private Uni<Void> judge(Object event, AssessmentPublisher.Batch assessments) {
        return event instanceof SessionLogged session ? sessions.storeAndJudge(session, assessments)
                : checkIns.storeAndJudge((SymptomCheckIn) event, assessments);
    }

    private static EventId idOf(Object event) {
        return event instanceof SessionLogged session ? new EventId(session.appId(), session.eventId())
                : new EventId(((SymptomCheckIn) event).appId(), ((SymptomCheckIn) event).eventId());
    }
}
