package dev.dermaguard.contract.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * A micro-needling session as published on {@code microneedling.events}. {@code performedAt} keeps the
 * offset the app sent, so rules that count days count the user's own days. {@code @Nullable} marks the optional
 * fields; the JSON Schema of the contract ({@code contracts/schemas/}) is held to that in the build. The constraints
 * are what consumers need: a record that breaks one is dead-lettered where it is read ({@code EventCodec}).
 */
public record SessionLogged(
        @NotNull UUID eventId,
        @NotNull String appId,
        @NotNull String userId,
        @NotNull OffsetDateTime performedAt,
        @NotNull Area area,
        // Intake's bounds: a depth it would refuse is refused here too.
        @NotNull @DecimalMin("0.1") @DecimalMax("3.0") BigDecimal needleDepthMm,
        @NotNull Device device,
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
