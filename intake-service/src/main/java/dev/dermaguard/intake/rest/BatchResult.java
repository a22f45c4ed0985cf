package dev.dermaguard.intake.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one item of a batch, in the order the items were posted. */
@Schema(description = "The outcome of one batch item.")
public record BatchResult(
        UUID eventId,
        @Schema(description = "ACCEPTED: the broker has it. UNKNOWN: not confirmed in time; it may still land, so "
                + "retry it with the same eventId (it takes effect once).")
        Status status) {

    public enum Status { ACCEPTED, UNKNOWN }
}
