package dev.dermaguard.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "dermaguard.intake")
public interface IntakeConfig {

    /** Bounded wait for the broker's acknowledgement; past it the request answers 503. */
    Duration publishTimeout();

    /** How far in the future an event time may be (device clocks drift). */
    Duration maxClockSkew();

    /** How old an event may be: older history is a backfill mistake more often than not. */
    Duration maxEventAge();
}
