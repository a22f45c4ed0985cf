package dev.dermaguard.outbox;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dermaguard.outbox")
public interface OutboxConfig {

    /** How often the relay looks for new rows: the longest a committed event waits before it is sent. */
    @WithDefault("0.2s")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

    /**
     * Readiness is DOWN when rows wait and the relay has not completed a round for this long (the broker or the
     * database away, or the relay hung): the service takes in work it cannot pass on.
     */
    @WithDefault("60s")
    Duration stuckAfter();

    /**
     * The id of the relay's Kafka transactions ({@code <service>-outbox}); its progress topic
     * {@code <transactional id>.progress} must exist before the service starts (operators, the local stack).
     */
    String transactionalId();

    ConsumedEventRetention consumedEvents();

    interface ConsumedEventRetention {

        /**
         * The least time a consumed event id is kept. Never shorter than the retention of the topics the service
         * reads: the job keeps ids as long as the longest {@code retention.ms} of {@link #topics()} when that is
         * longer, and deletes nothing while a topic keeps its records forever or the broker cannot tell.
         */
        @WithDefault("30d")
        Duration keep();

        /** The topics whose records the ids stand for: those the service consumes. */
        List<String> topics();

        @WithDefault("1h")
        Duration interval();

        /** Ids deleted per statement, so a large backlog never holds a long lock. */
        @WithDefault("5000")
        int batchSize();
    }
}
