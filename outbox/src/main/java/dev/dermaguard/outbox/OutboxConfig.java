package dev.dermaguard.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "dermaguard.outbox")
public interface OutboxConfig {

    /** How often the relay looks for new rows: the longest a committed event waits before it is sent. */
    Duration pollInterval();

    int batchSize();

    /** How long a relay instance owns the rows it took; after a crash, another instance resends them then. */
    Duration lease();
}
