package dev.dermaguard.intake.rest;

import java.util.UUID;

/** What every posted event has: its id, its user, its CloudEvents type, and the event it becomes. */
public interface AppEvent {

    UUID eventId();

    String userId();

    String type();

    /** The event as published, with the app id taken from the caller's API key. */
    Object toEvent(String appId);
}
