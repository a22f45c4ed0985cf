package dev.dermaguard.common.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Nullable;

/**
 * A micro-needling session as published on {@code microneedling.events}. {@code performedAt} keeps the
 * offset the app sent, so rules that count days count the user's own days. {@code @Nullable} marks the optional
 * fields; the JSON Schema of the contract ({@code contracts/schemas/}) is held to that in the build.
 */
public record SessionLogged(
        UUID eventId,
        String appId,
        String userId,
        OffsetDateTime performedAt,
        Area area,
        BigDecimal needleDepthMm,
        Device device,
        @Nullable Setting setting,
        @Nullable SkinType skinType,
        @Nullable Set<SkinCondition> symptomsBefore,
        @Nullable Integer deviceUses,
        @Nullable Boolean deviceDisinfected,
        @Nullable Goal goal) {

    /** DESIGN.md: an absent setting means {@code HOME}. */
    public Setting settingOrHome() {
        return setting == null ? Setting.HOME : setting;
    }
}
