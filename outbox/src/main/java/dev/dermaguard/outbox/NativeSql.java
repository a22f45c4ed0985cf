package dev.dermaguard.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Plain SQL in the current Panache transaction, for locks, upserts, capped counts and plans that HQL cannot say.
 * Parameters are positional ({@code ?1}) or named ({@code :app}); never concatenated into the statement.
 */
public final class NativeSql {

    private NativeSql() {
    }

    public static Uni<Integer> update(String sql, Object... positional) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql), positional).executeUpdate());
    }

    public static Uni<Integer> update(String sql, Map<String, ?> named) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql), named).executeUpdate());
    }

    /**
     * A single column's values as {@code type}. Never an entity, and never Hibernate's result-class mapping: a query
     * that names a result class gets a plan that never matches the cached one (Hibernate ORM 7.2), so each run added
     * one to the query plan cache and every lookup walked thousands of keys of the same SQL (a tenth of
     * risk-service's CPU under load). Entities are built from {@link #rows} by their own mappers.
     */
    public static <T> Uni<List<T>> list(String sql, Class<T> type, Object... positional) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql), positional)
                .getResultList()).map(values -> values.stream().map(value -> as(value, type)).toList());
    }

    public static <T> Uni<List<T>> list(String sql, Class<T> type, Map<String, ?> named) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql), named)
                .getResultList()).map(values -> values.stream().map(value -> as(value, type)).toList());
    }

    /** A {@code timestamptz} as the driver returns it, as an instant. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("not a point in time: " + value.getClass().getName());
    }

    private static <T> T as(Object value, Class<T> type) {
        if (value == null) {
            return null;
        }
        if (type == OffsetDateTime.class) {
            return type.cast(instant(value).atOffset(ZoneOffset.UTC));
        }
        if (type == Long.class) {
            return type.cast(((Number) value).longValue());
        }
        return type.cast(value);
    }

    /** Rows as the driver returns them: one column as its value, several as {@code Object[]}. */
    public static <R> Uni<List<R>> rows(String sql, Map<String, ?> named) {
        return Panache.getSession().flatMap(session -> bind(session.<R>createNativeQuery(sql), named)
                .getResultList());
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object... positional) {
        for (int i = 0; i < positional.length; i++) {
            query.setParameter(i + 1, positional[i]);
        }
        return query;
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Map<String, ?> named) {
        named.forEach(query::setParameter);
        return query;
    }
}
