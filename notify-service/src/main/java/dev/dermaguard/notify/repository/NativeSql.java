package dev.dermaguard.notify.repository;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Plain SQL in the current Panache transaction, for locks, upserts and counts that HQL cannot say. */
public final class NativeSql {

    private NativeSql() {
    }

    public static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql), parameters).executeUpdate());
    }

    public static <T> Uni<List<T>> list(String sql, Class<T> type, Object... parameters) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql, type), parameters)
                .getResultList());
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
