package dev.dermaguard.risk.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.contract.events.SkinType;

/** What the look-back rules need of a stored session; {@code skinType} is null when the app did not send it. */
public record PastSession(UUID eventId, OffsetDateTime performedAt, Area area, BigDecimal needleDepthMm,
        Setting setting, SkinType skinType) {

    public boolean atHome() {
        return setting != Setting.CLINIC;
    }
}
