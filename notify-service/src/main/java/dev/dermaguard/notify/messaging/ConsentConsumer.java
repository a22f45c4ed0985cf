package dev.dermaguard.notify.messaging;

import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.ConsentChanged;
import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.kafka.CloudEventHeaders;
import dev.dermaguard.common.kafka.ConsumerRetry;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.common.kafka.UnprocessableRecordException;
import dev.dermaguard.notify.consent.ConsentService;

/**
 * Follows consent changes on {@code microneedling.events} in a consumer group of its own. Every other record there
 * is risk-service's: skipped silently, and risk-service dead-letters what it cannot read. risk-service skips
 * consent records unread, so a malformed consent is this consumer's to dead-letter; the two sets never overlap, so
 * both share {@code microneedling.events.dlq} and no record lands there twice.
 */
@ApplicationScoped
public class ConsentConsumer {

    public static final String CHANNEL = "consents";

    /** Anything else cannot name a clinic; a well-formed id of no configured clinic is ConsentService's to record. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ConsentService consents;
    private final EventCodec codec;

    public ConsentConsumer(ConsentService consents, EventCodec codec) {
        this.consents = consents;
        this.codec = codec;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (!CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE).orElse("").equals(EventTypes.CONSENT_CHANGED)) {
            return Uni.createFrom().voidItem();
        }
        String eventId = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID).orElse("(no ce_id)");
        return ConsumerRetry.process(CHANNEL, eventId, () -> consents.apply(valid(codec.read(record.value(), ConsentChanged.class))));
    }

    private static ConsentChanged valid(ConsentChanged c) {
        if (c.eventId() == null || c.appId() == null || c.userId() == null || c.changedAt() == null
                || c.clinicId() == null || !ID.matcher(c.clinicId()).matches()) {
            throw new UnprocessableRecordException("ConsentChanged lacks a required field or has an invalid clinicId");
        }
        return c;
    }
}
