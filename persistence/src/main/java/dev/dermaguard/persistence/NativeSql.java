package dev.dermaguard.persistence;

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

    /** Rows mapped to {@code type}: an entity, or a single column's Java type. */
    public static <T> Uni<List<T>> list(String sql, Class<T> type, Object... positional) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql, type), positional)
                .getResultList());
    }

    public static <T> Uni<List<T>> list(String sql, Class<T> type, Map<String, ?> named) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql, type), named)
                .getResultList());
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
