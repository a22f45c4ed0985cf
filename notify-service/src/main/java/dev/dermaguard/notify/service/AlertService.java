package dev.dermaguard.notify.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.Topics;
import dev.dermaguard.common.events.AlertRaised;
import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.events.Risk;
import dev.dermaguard.common.events.RiskAssessed;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.common.kafka.RecordKeys;
import dev.dermaguard.common.kafka.UnprocessableRecordException;
import dev.dermaguard.outbox.ConsumedEvents;
import dev.dermaguard.outbox.Outbox;
import dev.dermaguard.notify.repository.StoredAlert;

/**
 * Turns the risks of an assessment into alerts. The alert rows, their outgoing records and the consumed-event
 * entry are one transaction: a redelivered assessment raises nothing twice, and a crash loses nothing.
 */
@ApplicationScoped
public class AlertService {

    private final ConsumedEvents consumed;
    private final Outbox outbox;
    private final EventCodec codec;
    private final AlertTexts texts;
    private final Clock clock = Clock.systemUTC();

    public AlertService(ConsumedEvents consumed, Outbox outbox, EventCodec codec, AlertTexts texts) {
        this.consumed = consumed;
        this.outbox = outbox;
        this.codec = codec;
        this.texts = texts;
    }

    public Uni<Void> handle(RiskAssessed assessment) {
        requireComplete(assessment);
        List<Risk> alerting = assessment.risks().stream().filter(risk -> risk.severity().alerts()).toList();
        return Panache.withTransaction(() -> consumed.firstDelivery(assessment.assessmentId())
                .flatMap(first -> first ? raiseAll(assessment, alerting) : Uni.createFrom().voidItem()));
    }

    private Uni<Void> raiseAll(RiskAssessed assessment, List<Risk> risks) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        // In sequence: one reactive session runs one statement at a time.
        for (Risk risk : risks) {
            chain = chain.flatMap(done -> raise(assessment, risk));
        }
        return chain;
    }

    private Uni<Void> raise(RiskAssessed assessment, Risk risk) {
        AlertRaised alert = new AlertRaised(UUID.randomUUID(), assessment.appId(), assessment.userId(), null,
                risk.rule(), risk.severity(), assessment.area(), risk.summary(),
                texts.messageFor(risk.rule(), risk.severity()), risk.detail(), risk.evidence(),
                assessment.sourceEventId(), assessment.assessmentId(), false, 1, clock.instant(),
                assessment.ruleSetVersion());
        String payload = codec.write(alert);
        return StoredAlert.of(alert, assessment.sourceEventAt(), payload).persist()
                .flatMap(stored -> outbox.enqueue(Topics.ALERTS, RecordKeys.of(alert.appId(), alert.userId()),
                        alert.alertId(), EventTypes.ALERT_RAISED, alert));
    }

    private static void requireComplete(RiskAssessed a) {
        if (a.assessmentId() == null || a.appId() == null || a.userId() == null || a.area() == null
                || a.sourceEventAt() == null || a.risks() == null
                || a.risks().stream().anyMatch(r -> r.rule() == null || r.severity() == null)) {
            throw new UnprocessableRecordException("RiskAssessed lacks a required field");
        }
    }
}
