package dev.dermaguard.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "dermaguard.outbox")
public interface OutboxConfig {

    /** How often the relay looks for new rows: the longest a committed event waits before it is sent. */
    Duration pollInterval();

    int batchSize();

    /** How long a relay instance owns the rows it took; after a crash, another instance resends them then. */
    Duration lease();

    /**
     * When set, {@link TransactionalOutboxRelay} publishes instead of {@link OutboxRelay}: in Kafka transactions with
     * this id, so a consumer reading {@code read_committed} sees every row exactly once, crashes included. Unset:
     * at-least-once, as before.
     */
    Optional<String> transactionalId();
}
