package dev.dermaguard.support.health;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.support.kafka.ConsumerRetry;

/**
 * Not ready while a consumer waits on a passing fault (its record keeps failing, for instance while the database
 * restarts): the data names each stalled channel and since when. Liveness is left alone, so nothing restarts a
 * service that only waits; the channel resumes by itself and readiness with it.
 */
@Readiness
@ApplicationScoped
public class StalledConsumersCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Map<String, Instant> stalled = ConsumerRetry.stalledSince();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumers processing")
                .status(stalled.isEmpty());
        stalled.forEach((channel, since) -> response.withData(channel, "stalled since " + since));
        return response.build();
    }
}
