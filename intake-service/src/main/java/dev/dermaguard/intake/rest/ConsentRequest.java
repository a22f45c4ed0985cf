package dev.dermaguard.intake.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.ConsentChanged;
import dev.dermaguard.contract.validation.ClinicId;
import dev.dermaguard.contract.validation.UserId;
import dev.dermaguard.intake.validation.ConfiguredClinic;
import dev.dermaguard.intake.validation.EventTime;

/** The user grants or revokes sharing their alerts with one clinic. */
@Schema(name = "ConsentChanged", description = "The user grants or revokes sharing their alerts with one clinic.")
public record ConsentRequest(
        @NotNull UUID eventId,
        @NotNull @UserId @Schema(pattern = UserId.PATTERN) String userId,
        @NotNull @ClinicId @ConfiguredClinic
        @Schema(description = "A clinic of this deployment.", example = "demo-clinic", pattern = ClinicId.PATTERN)
        String clinicId,
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
