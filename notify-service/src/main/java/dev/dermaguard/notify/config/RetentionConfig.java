package dev.dermaguard.notify.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How long notify-service keeps the audit log and the alerts delivered to clinics (README, "Alerts"). */
@ConfigMapping(prefix = "dermaguard.retention")
public interface RetentionConfig {

    /** Audit entries older than this are deleted. */
    @WithDefault("400d")
    Duration audit();

    /** Deliveries to clinics (what their reads and streams serve) older than this are deleted. */
    @WithDefault("400d")
    Duration deliveries();

    /** How often the expired rows are looked for. */
    @WithDefault("1h")
    Duration every();

    /** Rows deleted per statement, so no deletion holds locks or grows the WAL for long. */
    @WithDefault("1000")
    @Min(1)
    @Max(100000)
    int batch();
}
