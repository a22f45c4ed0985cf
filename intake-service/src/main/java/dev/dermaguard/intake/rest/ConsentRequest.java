package dev.dermaguard.intake.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.events.ConsentChanged;
import dev.dermaguard.intake.validation.EventTime;
import dev.dermaguard.intake.validation.Ids;

/** The user grants or revokes sharing their alerts with one clinic. */
@Schema(name = "ConsentChanged", description = "The user grants or revokes sharing their alerts with one clinic.")
public record ConsentRequest(
        @NotNull UUID eventId,
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String userId,
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
        @Schema(example = "demo-clinic") String clinicId,
        // Boolean, not boolean: an absent value is an error, not a silent revocation.
        @NotNull Boolean granted,
        @NotNull @EventTime OffsetDateTime changedAt) implements AppEvent {

    @Override
    public String type() {
        return EventTypes.CONSENT_CHANGED;
    }

    @Override
    public ConsentChanged toEvent(String appId) {
        return new ConsentChanged(eventId, appId, userId, clinicId, granted, changedAt);
    }
}
