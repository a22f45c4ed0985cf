package dev.dermaguard.common.kafka;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * How every consumer handles one record: a passing failure (the database restarting) is retried with back-off;
 * an {@link UnprocessableRecordException}, or a failure that outlasts the retries, nacks the record, which
 * sends it to the dead-letter topic so the partition moves on.
 */
public final class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 5;

    private ConsumerRetry() {
    }

    /**
     * @param eventId the record's {@code ce_id}, for the log: ids only, never payloads, which hold health data
     */
    public static Uni<Void> process(String eventId, Supplier<Uni<? extends Void>> work) {
        return Uni.createFrom().<Void>deferred(work)
                .onFailure(e -> !(e instanceof UnprocessableRecordException))
                .invoke(e -> {
                    // The class at WARN; the trace, whose messages may quote stored values, at DEBUG only.
                    LOG.warnf("Processing event %s failed with %s, retrying", eventId, e.getClass().getName());
                    LOG.debugf(e, "Processing event %s failed", eventId);
                })
                .onFailure(e -> !(e instanceof UnprocessableRecordException))
                .retry().withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).atMost(ATTEMPTS)
                .onFailure().invoke(e -> LOG.warnf("Event %s goes to the dead-letter topic: %s", eventId,
                        e instanceof UnprocessableRecordException ? e.getMessage() : e.getClass().getName()));
    }
}
