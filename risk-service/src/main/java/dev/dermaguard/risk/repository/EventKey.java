package dev.dermaguard.risk.repository;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The identity of an app's event: its app and its id (two apps may pick the same UUID). */
public class EventKey implements Serializable {

    public String appId;
    public UUID eventId;

    public EventKey() {
    }

    public EventKey(String appId, UUID eventId) {
        this.appId = appId;
        this.eventId = eventId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventKey key && Objects.equals(appId, key.appId)
                && Objects.equals(eventId, key.eventId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(appId, eventId);
    }
}
