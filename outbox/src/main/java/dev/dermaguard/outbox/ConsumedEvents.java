package dev.dermaguard.outbox;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The log of consumed event ids that makes every consumer idempotent (at-least-once in, once in effect). */
@ApplicationScoped
public class ConsumedEvents {

    /**
     * Records the id in the caller's transaction and tells whether this is its first delivery; a redelivered
     * or re-posted event answers false and the caller skips it.
     */
    public Uni<Boolean> firstDelivery(UUID eventId) {
        return NativeSql.update("insert into consumed_event (event_id) values (?1) on conflict do nothing", eventId)
                .map(inserted -> inserted == 1);
    }
}
