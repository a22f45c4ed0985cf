package dev.dermaguard.notify.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.RiskAssessed;
import dev.dermaguard.common.kafka.CloudEventHeaders;
import dev.dermaguard.common.kafka.ConsumerRetry;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.notify.service.AlertService;

/** Consumes {@code microneedling.risk-assessments}; records that can never be processed go to its .dlq. */
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
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return ConsumerRetry.process(CHANNEL, CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID).orElse("(no ce_id)"), () -> alerts.handle(codec.read(record.value(), RiskAssessed.class)));
    }
}
