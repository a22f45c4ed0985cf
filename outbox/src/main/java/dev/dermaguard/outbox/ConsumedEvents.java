package dev.dermaguard.outbox;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The log of consumed events that makes every consumer idempotent (at-least-once in, once in effect). An event is
 * named by its app and its id: two apps may well pick the same UUID, and each app's event takes effect once.
 */
@ApplicationScoped
public class ConsumedEvents {

    /** Stands for every app in rows consumed before events were named by app (outbox migration V2_1). */
    static final String ANY_APP = "";

    /**
     * Records the event in the caller's transaction and tells whether this is its first delivery; a redelivered
     * or re-posted event answers false and the caller skips it.
     */
    public Uni<Boolean> firstDelivery(String appId, UUID eventId) {
        return NativeSql.update("insert into consumed_event (app_id, event_id) select ?1, ?2 where not exists"
                        + " (select 1 from consumed_event where app_id = ?3 and event_id = ?2) on conflict do nothing",
                        appId, eventId, ANY_APP)
                .map(inserted -> inserted == 1);
    }
}
