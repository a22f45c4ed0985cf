package dev.dermaguard.contract.events;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** How an area looks some time after a session; empty {@code symptoms} means all clear. */
public record SymptomCheckIn(
        @NotNull UUID eventId,
        @NotNull String appId,
        @NotNull String userId,
        @NotNull OffsetDateTime reportedAt,
        @NotNull Area area,
        @NotNull Set<Symptom> symptoms) {
}
