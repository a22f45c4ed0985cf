package dev.dermaguard.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dermaguard.intake")
public interface IntakeConfig {

    /** Bounded wait for the broker's acknowledgement; past it the request answers 503 with Retry-After. */
    @WithDefault("5s")
    Duration publishTimeout();

    /** How far in the future an event time may be (device clocks drift). */
    @WithDefault("5m")
    Duration maxClockSkew();

    /** How old an event may be: older history is a backfill mistake more often than not. */
    @WithDefault("400d")
    Duration maxEventAge();
}
