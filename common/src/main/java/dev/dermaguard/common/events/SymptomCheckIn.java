package dev.dermaguard.common.events;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** How an area looks some time after a session; empty {@code symptoms} means all clear. */
public record SymptomCheckIn(
        UUID eventId,
        String appId,
        String userId,
        OffsetDateTime reportedAt,
        Area area,
        Set<Symptom> symptoms) {
}
