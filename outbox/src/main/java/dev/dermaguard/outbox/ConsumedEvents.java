package dev.dermaguard.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.persistence.NativeSql;
import dev.dermaguard.support.kafka.RecordBatches;
import dev.dermaguard.support.kafka.RecordBatches.Item;

/**
 * The log of consumed events that makes every consumer idempotent (at-least-once in, once in effect). An event is
 * named by its app and its id: two apps may well pick the same UUID, and each app's event takes effect once.
 */
@ApplicationScoped
public class ConsumedEvents {

    /** Stands for every app in rows consumed before events were named by app (outbox migration V2_1). */
    static final String ANY_APP = "";

    /** An event as consumers know it: its app's id for it. */
    public record EventId(String appId, UUID eventId) {
    }

    /**
     * The idempotent consumer of a batch, in the caller's transaction: each event delivered for the first time takes
     * effect once, in the order given (so one user's events keep their order), each in its own trace; the others
     * are skipped.
     */
    public <T> Uni<Void> takeEffectOnce(List<Item<T>> events, Function<T, EventId> idOf, Function<T, Uni<Void>> effect) {
        return firstDeliveries(events.stream().map(item -> idOf.apply(item.event())).toList())
                .flatMap(first -> RecordBatches.inOrder(events, item -> first.remove(idOf.apply(item.event()))
                        ? effect.apply(item.event()).call(ConsumedEvents::forgetLoaded)
                        : Uni.createFrom().voidItem()));
    }

    /** The idempotent consumer of one event, in the caller's transaction: its effect once, on its first delivery. */
    public Uni<Void> takeEffectOnce(EventId event, Supplier<Uni<Void>> effect) {
        return firstDeliveries(List.of(event)).flatMap(first -> first.isEmpty() ? Uni.createFrom().voidItem() : effect.get());
    }

    /**
     * Writes what an event changed and lets go of the entities it loaded: Hibernate checks every managed entity
     * before each query, which would make a batch cost the square of its size.
     */
    private static Uni<Void> forgetLoaded() {
        return Panache.getSession().flatMap(session -> session.flush().invoke(session::clear));
    }

    /**
     * Records every event in the caller's transaction, in one statement, and answers those delivered for the first
     * time; a redelivered or re-posted event is not among them. An event twice in {@code events} is one.
     */
    Uni<Set<EventId>> firstDeliveries(Collection<EventId> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> apps = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        new HashSet<>(events).forEach(event -> {
            apps.add(event.appId());
            ids.add(event.eventId());
        });
        return NativeSql.<Object[]>rows("with recorded as (insert into consumed_event (app_id, event_id)"
                        + " select e.app_id, e.event_id from unnest(cast(:apps as text[]),"
                        + " cast(:ids as uuid[])) as e(app_id, event_id) where not exists (select 1 from"
                        + " consumed_event c where c.app_id = :anyApp and c.event_id = e.event_id)"
                        + " on conflict do nothing returning app_id, event_id) select app_id, event_id from recorded",
                        // Arrays, one parameter each: a list would be expanded into a row, (?, ?, ...).
                        Map.of("apps", apps.toArray(String[]::new), "ids", ids.toArray(UUID[]::new), "anyApp", ANY_APP))
                .map(rows -> {
                    Set<EventId> first = new HashSet<>();
                    rows.forEach(row -> first.add(new EventId((String) row[0], (UUID) row[1])));
                    return first;
                });
    }
}
