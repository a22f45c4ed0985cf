package dev.dermaguard.notify.messaging;

import java.util.Optional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.ConsentChanged;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.support.kafka.ConsumerRetry;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.support.kafka.RecordBatches;
import dev.dermaguard.notify.consent.ConsentService;
import dev.dermaguard.notify.service.AlertService;

/**
 * notify-service's ways in from Kafka. A record that can never be processed (unreadable, or breaking its event's
 * constraints) goes to its topic's .dlq; a passing failure is retried ({@link ConsumerRetry}).
 */
@ApplicationScoped
public class Consumers {

    /** {@code microneedling.risk-assessments}, a poll at a time ({@link RecordBatches}). */
    public static final String ASSESSMENTS = "assessments";
    /**
     * Consent changes on {@code microneedling.events}, in a consumer group of their own, a poll at a time. It reads
     * every event risk-service reads and must keep ahead of the alerts those cause, or a consent would miss alerts
     * raised after it was given. Every other record there is
     * risk-service's: skipped silently, and risk-service dead-letters what it cannot read. risk-service skips consent
     * records unread, so a malformed consent is this consumer's to dead-letter; the two sets never overlap, so both
     * share {@code microneedling.events.dlq} and no record lands there twice.
     */
    public static final String CONSENTS = "consents";

    private final AlertService alerts;
    private final ConsentService consents;
    private final EventCodec codec;

    public Consumers(AlertService alerts, ConsentService consents, EventCodec codec) {
        this.alerts = alerts;
        this.consents = consents;
        this.codec = codec;
    }

    @Incoming(ASSESSMENTS)
    public Uni<Void> assessments(KafkaRecordBatch<String, String> batch) {
        return RecordBatches.process(ASSESSMENTS, batch,
                record -> Optional.of(codec.read(record.getPayload(), RiskAssessed.class)), alerts::handle);
    }

    @Incoming(CONSENTS)
    public Uni<Void> consents(KafkaRecordBatch<String, String> batch) {
        return RecordBatches.process(CONSENTS, batch, this::consent, consents::apply);
    }

    private Optional<ConsentChanged> consent(KafkaRecord<String, String> record) {
        boolean isConsent = CloudEventHeaders.get(record.getHeaders(), CloudEventHeaders.TYPE).orElse("")
                .equals(EventTypes.CONSENT_CHANGED);
        return isConsent ? Optional.of(codec.read(record.getPayload(), ConsentChanged.class)) : Optional.empty();
    }
}
