package dev.dermaguard.contract.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The user grants or revokes sharing their alerts with one clinic. */
public record ConsentChanged(
        @NotNull UUID eventId,
        @NotNull String appId,
        @NotNull String userId,
        // Anything else cannot name a clinic; a well-formed id of no configured clinic is notify-service's to record.
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String clinicId,
        boolean granted,
        @NotNull OffsetDateTime changedAt) {
}
