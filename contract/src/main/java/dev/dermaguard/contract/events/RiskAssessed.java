package dev.dermaguard.contract.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The outcome of evaluating one event. {@code sourceEventAt} is the time the user reported for that event
 * (not in DESIGN.md's field list): notify-service runs cooldowns on reported times and needs it. The constraints are
 * what notify-service needs to decide on it.
 */
public record RiskAssessed(
        @NotNull UUID assessmentId,
        UUID sourceEventId,
        @NotNull String appId,
        @NotNull String userId,
        @NotNull Area area,
        @NotNull OffsetDateTime sourceEventAt,
        Instant assessedAt,
        String ruleSetVersion,
        @NotNull @Valid List<Risk> risks) {
}
