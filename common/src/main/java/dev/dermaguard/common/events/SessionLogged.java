package dev.dermaguard.common.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A micro-needling session as published on {@code microneedling.events}. {@code performedAt} keeps the
 * offset the app sent, so rules that count days count the user's own days.
 */
public record SessionLogged(
        UUID eventId,
        String appId,
        String userId,
        OffsetDateTime performedAt,
        Area area,
        BigDecimal needleDepthMm,
        Device device,
        Setting setting,
        SkinType skinType,
        Set<SkinCondition> symptomsBefore,
        Integer deviceUses,
        Boolean deviceDisinfected,
        Goal goal) {

    /** DESIGN.md: an absent setting means {@code HOME}. */
    public Setting settingOrHome() {
        return setting == null ? Setting.HOME : setting;
    }
}
