package dev.dermaguard.notify.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Limits of the clinics' Server-Sent Event streams: a clinic, or all of them, cannot exhaust an instance. */
@ConfigMapping(prefix = "dermaguard.clinic-streams")
public interface ClinicStreamConfig {

    /** Open streams one clinic may hold on one instance; one more is refused with 429. */
    @WithDefault("5")
    @Min(1)
    int maxPerClinic();

    /** Open streams of all clinics together on one instance. */
    @WithDefault("500")
    @Min(1)
    int maxPerInstance();

    /** A comment is sent after this long without an event, so proxies and clients keep an idle stream open. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Alerts read from the database at a time, and only once the client has taken the previous ones. */
    @WithDefault("50")
    @Min(1)
    @Max(1000)
    int page();
}
