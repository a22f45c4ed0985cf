package dev.dermaguard.risk.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.events.SessionLogged;
import dev.dermaguard.common.events.SymptomCheckIn;
import dev.dermaguard.common.kafka.CloudEventHeaders;
import dev.dermaguard.common.kafka.ConsumerRetry;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.common.kafka.UnprocessableRecordException;
import dev.dermaguard.risk.service.CheckInAssessor;
import dev.dermaguard.risk.service.SessionAssessor;

/**
 * Consumes {@code microneedling.events}. A record that can never be processed fails at once and goes to the
 * dead-letter topic with the reason; a passing failure (the database restarting) is retried first.
 */
@ApplicationScoped
public class EventConsumer {

    public static final String CHANNEL = "events";

    private final SessionAssessor sessions;
    private final CheckInAssessor checkIns;
    private final EventCodec codec;

    public EventConsumer(SessionAssessor sessions, CheckInAssessor checkIns, EventCodec codec) {
        this.sessions = sessions;
        this.checkIns = checkIns;
        this.codec = codec;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return ConsumerRetry.process(CHANNEL, CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID).orElse("(no ce_id)"), () -> dispatch(record));
    }

    private Uni<Void> dispatch(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE)
                .orElseThrow(() -> new UnprocessableRecordException("no ce_type header"));
        return switch (type) {
            case EventTypes.SESSION_LOGGED -> sessions.assess(codec.read(record.value(), SessionLogged.class));
            case EventTypes.CHECKIN_REPORTED -> checkIns.assess(codec.read(record.value(), SymptomCheckIn.class));
            // Consents are notify-service's concern.
            case EventTypes.CONSENT_CHANGED -> Uni.createFrom().voidItem();
            default -> throw new UnprocessableRecordException("unknown event type " + type);
        };
    }
}
