package dev.dermaguard.notify.messaging;

import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.ConsentChanged;
import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.kafka.CloudEventHeaders;
import dev.dermaguard.common.kafka.ConsumerRetry;
import dev.dermaguard.common.kafka.EventCodec;
import dev.dermaguard.common.kafka.UnprocessableRecordException;
import dev.dermaguard.notify.consent.ClinicTopics;
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

    /** A clinic id becomes part of a topic name: only what DESIGN.md allows, which Kafka allows too. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ConsentService consents;
    private final ClinicTopics topics;
    private final EventCodec codec;

    public ConsentConsumer(ConsentService consents, ClinicTopics topics, EventCodec codec) {
        this.consents = consents;
        this.topics = topics;
        this.codec = codec;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (!CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE).orElse("").equals(EventTypes.CONSENT_CHANGED)) {
            return Uni.createFrom().voidItem();
        }
        String eventId = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID).orElse("(no ce_id)");
        Context context = Vertx.currentContext();
        return ConsumerRetry.process(CHANNEL, eventId, () -> {
            ConsentChanged change = valid(codec.read(record.value(), ConsentChanged.class));
            Uni<Void> topic = change.granted() ? topics.ensure(change.clinicId()) : Uni.createFrom().voidItem();
            // The admin client completes on its own thread; the transaction must run on this record's context.
            return topic.emitOn(task -> context.runOnContext(ignored -> task.run()))
                    .flatMap(ready -> consents.apply(change));
        });
    }

    private static ConsentChanged valid(ConsentChanged c) {
        if (c.eventId() == null || c.appId() == null || c.userId() == null || c.changedAt() == null
                || c.clinicId() == null || !ID.matcher(c.clinicId()).matches()) {
            throw new UnprocessableRecordException("ConsentChanged lacks a required field or has an invalid clinicId");
        }
        return c;
    }
}
