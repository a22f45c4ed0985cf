package dev.dermaguard.intake.rest;

import java.util.UUID;

/** The answer to an accepted event: the broker has it, and it takes effect once. */
public record Accepted(UUID eventId, String status) {

    public static Accepted of(UUID eventId) {
        return new Accepted(eventId, "ACCEPTED");
    }
}
