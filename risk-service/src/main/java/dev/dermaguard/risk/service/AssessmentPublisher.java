package dev.dermaguard.risk.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.support.kafka.ConsumerRetry;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.contract.kafka.RecordKeys;
import dev.dermaguard.persistence.NativeSql;
import dev.dermaguard.outbox.Outbox;
import dev.dermaguard.risk.repository.SessionRepository.Point;
import dev.dermaguard.risk.rules.RuleSet;

/**
 * Keeps the assessments of a batch of events for the read side and queues them on the outbox, in the caller's
 * transaction: collected while the batch is judged, written in two statements when all of it is.
 */
@ApplicationScoped
public class AssessmentPublisher {

    /** Times travel as ISO text: arrays of the driver's own types are what NativeSql binds everywhere else. */
    private static final String INSERT = "insert into assessment (assessment_id, source_event_id, app_id, user_id,"
            + " area, source_event_at, assessed_at, rule_set_version, payload) select id, source, app, usr, area,"
            + " cast(sourced as timestamptz), cast(assessed as timestamptz), version, payload from unnest("
            + "cast(:ids as uuid[]), cast(:sources as uuid[]), cast(:apps as text[]), cast(:users as text[]),"
            + " cast(:areas as text[]), cast(:sourcedat as text[]), cast(:assessedat as text[]),"
            + " cast(:versions as text[]), cast(:payloads as text[]))"
            + " as a(id, source, app, usr, area, sourced, assessed, version, payload)";

    /** The assessments of one transaction, in the order they were made. */
    public static final class Batch {

        private final List<RiskAssessed> assessed = new ArrayList<>();
        /** One per assessment, in the same order; each holds the assessment's JSON. */
        private final List<Outbox.Message> messages = new ArrayList<>();
    }

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
     * Adds an assessment to the batch; {@link #write} stores and queues it.
     *
     * @param judged where and when the judged event happened, as its user reported it
     * @param sourceEventId the judged event
     * @param onArrivalOf the event whose arrival caused this judgement: the judged one itself, or a late one that
     *        changed what it is judged against
     */
    public void publish(Batch batch, Point judged, UUID sourceEventId, UUID onArrivalOf, List<Risk> risks) {
        RiskAssessed assessed = new RiskAssessed(assessmentId(judged.appId(), sourceEventId, onArrivalOf),
                sourceEventId, judged.appId(), judged.userId(), judged.area(), judged.at(), clock.instant(),
                rules.version(), risks);
        // Rule and severity only: never the user, the app or the area.
        ConsumerRetry.onceProcessed(() -> risks.forEach(risk -> metrics.counter("dermaguard.risk.risks",
                "rule", risk.rule().name(), "severity", risk.severity().name()).increment()));
        String payload = codec.write(assessed);
        batch.assessed.add(assessed);
        // Made now, in the trace of the event being judged.
        batch.messages.add(outbox.message(Topics.RISK_ASSESSMENTS, RecordKeys.of(judged.appId(), judged.userId()),
                assessed.assessmentId(), EventTypes.RISK_ASSESSED, payload));
    }

    /** Stores and queues what the batch holds, in the caller's transaction. */
    public Uni<Void> write(Batch batch) {
        if (batch.assessed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<RiskAssessed> all = batch.assessed;
        Map<String, Object> columns = new HashMap<>();
        columns.put("ids", all.stream().map(RiskAssessed::assessmentId).toArray(UUID[]::new));
        columns.put("sources", all.stream().map(RiskAssessed::sourceEventId).toArray(UUID[]::new));
        columns.put("apps", all.stream().map(RiskAssessed::appId).toArray(String[]::new));
        columns.put("users", all.stream().map(RiskAssessed::userId).toArray(String[]::new));
        columns.put("areas", all.stream().map(a -> a.area().name()).toArray(String[]::new));
        columns.put("sourcedat", all.stream().map(a -> a.sourceEventAt().toInstant().toString())
                .toArray(String[]::new));
        columns.put("assessedat", all.stream().map(a -> a.assessedAt().toString()).toArray(String[]::new));
        columns.put("versions", all.stream().map(RiskAssessed::ruleSetVersion).toArray(String[]::new));
        columns.put("payloads", batch.messages.stream().map(Outbox.Message::payload).toArray(String[]::new));
        return NativeSql.update(INSERT, columns).flatMap(stored -> outbox.enqueue(batch.messages));
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
