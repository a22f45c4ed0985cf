package dev.dermaguard.notify.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** The alerting policy of DESIGN.md; every span runs on the users' reported times. */
@ConfigMapping(prefix = "dermaguard.alerting")
public interface AlertingConfig {

    /** One alert per (user, rule, area) within this span; later firings only raise its occurrences. */
    @WithDefault("7d")
    Duration cooldown();

    /** A rule firing this many times within {@link #repeatWindow()} on one area is raised one step. */
    @WithDefault("3")
    @Min(2)
    int repeatsToEscalate();

    @WithDefault("30d")
    Duration repeatWindow();

    /** A finding whose event is older than this when processed (a backfill) is recorded but raises no alert. */
    @WithDefault("30d")
    Duration backfillAge();
}
