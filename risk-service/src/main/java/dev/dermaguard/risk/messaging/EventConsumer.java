package dev.dermaguard.risk.messaging;

import java.util.Optional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.support.kafka.RecordBatches;
import dev.dermaguard.support.kafka.UnprocessableRecordException;
import dev.dermaguard.risk.service.EventAssessor;

/**
 * Consumes {@code microneedling.events} a poll at a time ({@link RecordBatches}). A record that can never be
 * processed goes to the dead-letter topic with the reason; a passing failure (the database restarting) is retried.
 */
@ApplicationScoped
public class EventConsumer {

    public static final String CHANNEL = "events";

    private final EventAssessor assessor;
    private final EventCodec codec;

    public EventConsumer(EventAssessor assessor, EventCodec codec) {
        this.assessor = assessor;
        this.codec = codec;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return RecordBatches.process(CHANNEL, batch, this::read, assessor::assess);
    }

    private Optional<Object> read(KafkaRecord<String, String> record) {
        String type = CloudEventHeaders.get(record.getHeaders(), CloudEventHeaders.TYPE)
                .orElseThrow(() -> new UnprocessableRecordException("no ce_type header"));
        return switch (type) {
            case EventTypes.SESSION_LOGGED -> Optional.of(codec.read(record.getPayload(), SessionLogged.class));
            case EventTypes.CHECKIN_REPORTED -> Optional.of(codec.read(record.getPayload(), SymptomCheckIn.class));
            // Consents are notify-service's concern.
            case EventTypes.CONSENT_CHANGED -> Optional.empty();
            default -> throw new UnprocessableRecordException("unknown event type " + type);
        };
    }
}
