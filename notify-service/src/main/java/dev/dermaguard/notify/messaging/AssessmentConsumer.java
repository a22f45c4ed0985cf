package dev.dermaguard.notify.messaging;

import java.util.Optional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.RiskAssessed;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.common.kafka.RecordBatches;
import dev.dermaguard.notify.service.AlertService;

/**
 * Consumes {@code microneedling.risk-assessments} a poll at a time ({@link RecordBatches}); records that can never
 * be processed go to its .dlq.
 */
@ApplicationScoped
public class AssessmentConsumer {

    public static final String CHANNEL = "assessments";

    private final AlertService alerts;
    private final EventCodec codec;

    public AssessmentConsumer(AlertService alerts, EventCodec codec) {
        this.alerts = alerts;
        this.codec = codec;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return RecordBatches.process(CHANNEL, batch,
                record -> Optional.of(AlertService.validated(codec.read(record.getPayload(), RiskAssessed.class))),
                alerts::handle);
    }
}
