package dev.dermaguard.risk.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.dermaguard.common.events.Area;
import dev.dermaguard.common.events.Setting;

/** What the look-back rules need of a stored session. */
public record PastSession(UUID eventId, OffsetDateTime performedAt, Area area, BigDecimal needleDepthMm,
        Setting setting) {

    public boolean atHome() {
        return setting != Setting.CLINIC;
    }
}
