package dev.dermaguard.risk.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.Topics;
import dev.dermaguard.common.events.Area;
import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.events.Risk;
import dev.dermaguard.common.events.RiskAssessed;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.common.kafka.RecordKeys;
import dev.dermaguard.outbox.Outbox;
import dev.dermaguard.risk.repository.Assessment;
import dev.dermaguard.risk.rules.RuleSet;

/** Keeps an assessment for the read side and queues it on the outbox, in the caller's transaction. */
@ApplicationScoped
public class AssessmentPublisher {

    private final Outbox outbox;
    private final EventCodec codec;
    private final RuleSet rules;
    private final Clock clock = Clock.systemUTC();

    public AssessmentPublisher(Outbox outbox, EventCodec codec, RuleSet rules) {
        this.outbox = outbox;
        this.codec = codec;
        this.rules = rules;
    }

    public Uni<Void> publish(UUID sourceEventId, String appId, String userId, Area area, OffsetDateTime sourceEventAt,
            List<Risk> risks) {
        RiskAssessed assessed = new RiskAssessed(UUID.randomUUID(), sourceEventId, appId, userId, area, sourceEventAt,
                clock.instant(), rules.version(), risks);
        return Assessment.of(assessed, codec.write(assessed)).persist()
                .flatMap(stored -> outbox.enqueue(Topics.RISK_ASSESSMENTS, RecordKeys.of(appId, userId),
                        assessed.assessmentId(), EventTypes.RISK_ASSESSED, assessed));
    }
}
