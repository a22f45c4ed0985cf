package dev.dermaguard.common.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of evaluating one event. {@code sourceEventAt} is the time the user reported for that event
 * (not in DESIGN.md's field list): notify-service runs cooldowns on reported times and needs it.
 */
public record RiskAssessed(
        UUID assessmentId,
        UUID sourceEventId,
        String appId,
        String userId,
        Area area,
        OffsetDateTime sourceEventAt,
        Instant assessedAt,
        String ruleSetVersion,
        List<Risk> risks) {
}
