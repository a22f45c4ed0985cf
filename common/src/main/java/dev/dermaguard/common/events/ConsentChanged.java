package dev.dermaguard.common.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The user grants or revokes sharing their alerts with one clinic. */
public record ConsentChanged(
        UUID eventId,
        String appId,
        String userId,
        String clinicId,
        boolean granted,
        OffsetDateTime changedAt) {
}
