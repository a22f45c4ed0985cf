package dev.dermaguard.intake.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.contract.validation.UserId;
import dev.dermaguard.intake.validation.EventTime;
import dev.dermaguard.intake.validation.NoDuplicates;

/** How an area looks after a session; an empty list of symptoms means all clear. */
@Schema(name = "SymptomCheckIn", description = "How the skin of one area looks some time after a session.")
public record CheckInRequest(
        @NotNull UUID eventId,
        @NotNull @UserId @Schema(pattern = UserId.PATTERN) String userId,
        @NotNull @EventTime
        @Schema(description = "When the user looked, ISO-8601 with offset.", example = "2026-11-22T09:00:00Z")
        OffsetDateTime reportedAt,
        @NotNull Area area,
        // A list, not a set, so that a duplicate is reported instead of silently merged.
        @NotNull @NoDuplicates
        @Schema(description = "What the user sees; empty means all clear.", example = "[\"REDNESS\", \"SWELLING\"]")
        List<@NotNull Symptom> symptoms) implements AppEvent {

    @Override
    public String type() {
        return EventTypes.CHECKIN_REPORTED;
    }

    @Override
    public SymptomCheckIn toEvent(String appId) {
        return new SymptomCheckIn(eventId, appId, userId, reportedAt, area, Set.copyOf(symptoms));
    }
}
