package dev.dermaguard.outbox;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DOWN while outbox rows are parked: records that reach no one until an operator retries them. A wellness check
 * ({@code /q/health/well}), not readiness: the service itself serves and publishes every other row.
 */
@Wellness
@ApplicationScoped
public class ParkedRowsCheck implements AsyncHealthCheck {

    private final ParkedRows parked;

    public ParkedRowsCheck(ParkedRows parked) {
        this.parked = parked;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return parked.summary().map(summary -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox parked rows")
                    .status(summary.parked() == 0).withData("parked", summary.parked());
            summary.oldest().ifPresent(oldest -> response.withData("oldest", oldest.toString()));
            return response.build();
        });
    }
}
