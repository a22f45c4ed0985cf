package dev.dermaguard.support.kafka;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * A graceful stop ends consumption before anything the consumers need closes. Without it the database pool closed
 * under the records being processed at SIGTERM: their transactions failed, were retried against a closed pool, and
 * the connector waited its closing timeout for them on every channel copy (12 s per stop, faults/run.sh).
 */
@ApplicationScoped
public class ConsumersStopFirst {

    private static final Logger LOG = Logger.getLogger(ConsumersStopFirst.class);
    private static final Duration IN_FLIGHT_WITHIN = Duration.ofSeconds(5);

    // As the application scope begins, before the connector's startup starts any channel: a test JVM starts
    // applications again after stopping one.
    void start(@Observes @Initialized(ApplicationScoped.class) Object scope) {
        ConsumerRetry.start();
    }

    // Before every other shutdown observer: the outbox relay and the connector stop after this.
    void stop(@Observes @Priority(1) ShutdownEvent shutdown) throws InterruptedException {
        ConsumerRetry.stopTaking();
        if (!ConsumerRetry.awaitIdle(IN_FLIGHT_WITHIN)) {
            LOG.warnf("Records still in processing %d s into the stop: left to the partitions' next owners",
                    IN_FLIGHT_WITHIN.toSeconds());
        }
    }
}
