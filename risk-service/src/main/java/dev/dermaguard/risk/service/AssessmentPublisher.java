package dev.dermaguard.risk.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.Topics;
import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.events.Risk;
import dev.dermaguard.common.events.RiskAssessed;
import dev.dermaguard.common.kafka.ConsumerRetry;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.common.kafka.RecordKeys;
import dev.dermaguard.outbox.Outbox;
import dev.dermaguard.risk.repository.Assessment;
import dev.dermaguard.risk.repository.SessionRepository.Point;
import dev.dermaguard.risk.rules.RuleSet;

/** Keeps an assessment for the read side and queues it on the outbox, in the caller's transaction. */
@ApplicationScoped
public class AssessmentPublisher {

    private final Outbox outbox;
    private final EventCodec codec;
    private final RuleSet rules;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public AssessmentPublisher(Outbox outbox, EventCodec codec, RuleSet rules, MeterRegistry metrics) {
        this.outbox = outbox;
        this.codec = codec;
        this.rules = rules;
        this.metrics = metrics;
    }

    /**
     * @param judged where and when the judged event happened, as its user reported it
     * @param sourceEventId the judged event
     * @param onArrivalOf the event whose arrival caused this judgement: the judged one itself, or a late one that
     *        changed what it is judged against
     */
    public Uni<Void> publish(Point judged, UUID sourceEventId, UUID onArrivalOf, List<Risk> risks) {
        RiskAssessed assessed = new RiskAssessed(assessmentId(judged.appId(), sourceEventId, onArrivalOf),
                sourceEventId, judged.appId(), judged.userId(), judged.area(), judged.at(), clock.instant(),
                rules.version(), risks);
        // Rule and severity only: never the user, the app or the area.
        ConsumerRetry.onceProcessed(() -> risks.forEach(risk -> metrics.counter("dermaguard.risk.risks",
                "rule", risk.rule().name(), "severity", risk.severity().name()).increment()));
        return Assessment.of(assessed, codec.write(assessed)).persist()
                .flatMap(stored -> outbox.enqueue(Topics.RISK_ASSESSMENTS, RecordKeys.of(judged.appId(),
                        judged.userId()), assessed.assessmentId(), EventTypes.RISK_ASSESSED, assessed));
    }

    /**
     * One id per judgement, named by the app, the judged event and the arrival that caused it: two apps' events
     * with one UUID never share an assessment id (notify-service deduplicates on it), and neither do two
     * judgements of one event, while the same judgement always gets the same id.
     */
    static UUID assessmentId(String appId, UUID sourceEventId, UUID onArrivalOf) {
        return UUID.nameUUIDFromBytes(("dermaguard.risk.assessment/" + appId + "/" + sourceEventId + "/" + onArrivalOf)
                .getBytes(StandardCharsets.UTF_8));
    }
}
