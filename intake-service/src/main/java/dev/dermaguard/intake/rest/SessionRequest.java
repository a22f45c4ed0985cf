package dev.dermaguard.intake.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.Goal;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.contract.events.SkinCondition;
import dev.dermaguard.contract.events.SkinType;
import dev.dermaguard.contract.validation.UserId;
import dev.dermaguard.intake.validation.EventTime;

/** A session as an app posts it; the app id is never taken from the body but from the API key. */
@Schema(name = "SessionLogged", description = "One micro-needling session, as the user logged it in the app.")
public record SessionRequest(
        @NotNull @Schema(description = "Unique id of this event; re-posting it takes no second effect.")
        UUID eventId,
        @NotNull @UserId
        @Schema(description = "The app's pseudonymous user id.", example = "u-123", pattern = UserId.PATTERN)
        String userId,
        @NotNull @EventTime
        @Schema(description = "When the session was performed, ISO-8601 with offset.", example = "2026-11-20T21:00:00Z")
        OffsetDateTime performedAt,
        @NotNull Area area,
        @NotNull @DecimalMin("0.1") @DecimalMax("3.0") @Digits(integer = 1, fraction = 2)
        @Schema(description = "Needle length in millimetres, 0.1 to 3.0.", example = "0.5")
        BigDecimal needleDepthMm,
        @NotNull Device device,
        @Schema(description = "HOME when absent.") Setting setting,
        SkinType skinType,
        Set<@NotNull SkinCondition> symptomsBefore,
        @Min(1) @Schema(description = "How many times the device has been used, this session included.")
        Integer deviceUses,
        Boolean deviceDisinfected,
        Goal goal) implements AppEvent {

    @Override
    public String type() {
        return EventTypes.SESSION_LOGGED;
    }

    @Override
    public SessionLogged toEvent(String appId) {
        return new SessionLogged(eventId, appId, userId, performedAt, area, needleDepthMm, device, setting, skinType,
                symptomsBefore, deviceUses, deviceDisinfected, goal);
    }
}
