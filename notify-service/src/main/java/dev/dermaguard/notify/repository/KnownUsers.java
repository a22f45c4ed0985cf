package dev.dermaguard.notify.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.persistence.NativeSql;

/**
 * The users each app has posted about: asking about anyone else is 404, never another app's data. A user's row is
 * also the lock that serializes what is decided about that user. Every method runs in the current Panache session.
 */
@ApplicationScoped
public class KnownUsers {

    /** In the order of their ids, the order in which a batch takes their locks. */
    private static final String REMEMBER_ALL = "insert into app_user (app_id, user_id) select app_id, user_id from"
            + " unnest(cast(:apps as text[]), cast(:users as text[])) as u(app_id, user_id)"
            + " order by app_id, user_id on conflict do nothing";

    private static final String REMEMBER = "insert into app_user (app_id, user_id) values (?1, ?2) on conflict do nothing";

    private static final String LOCK = "select user_id from app_user where app_id = ?1 and user_id = ?2 for update";

    private static final String KNOWS = "select 1 from app_user where app_id = ?1 and user_id = ?2";

    /**
     * Remembers the users of a batch, one statement for all: most assessments decide nothing, and then remembering
     * is all a user needs.
     *
     * @param users each an app's id and its user's id
     */
    public Uni<Void> remember(Collection<Map.Entry<String, String>> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<String, String>> distinct = users.stream().distinct().toList();
        return NativeSql.update(REMEMBER_ALL,
                        Map.of("apps", distinct.stream().map(Map.Entry::getKey).toArray(String[]::new),
                                "users", distinct.stream().map(Map.Entry::getValue).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /**
     * Locks the row of a user already remembered (by this transaction or an earlier one) until the current Panache
     * transaction ends. Every delivery decision and every consent change of a user takes this lock first (before any
     * other), so they serialize and never deadlock.
     *
     * @throws IllegalStateException when the user was never remembered: there would be no row to lock
     */
    public Uni<Void> lock(String appId, String userId) {
        return NativeSql.list(LOCK, String.class, appId, userId).map(locked -> {
            if (locked.isEmpty()) {
                throw new IllegalStateException("A user's lock was asked for before the user was remembered");
            }
            return null;
        });
    }

    /**
     * {@link #lock Locks} the users of a batch, all remembered already, in the order of their ids: the order in which
     * alert batches take them, so the two never deadlock.
     *
     * @param users each an app's id and its user's id
     */
    public Uni<Void> lockAll(Collection<Map.Entry<String, String>> users) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> user : users.stream().distinct()
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .toList()) {
            chain = chain.flatMap(done -> lock(user.getKey(), user.getValue()));
        }
        return chain;
    }

    /** Remembers the user, then {@link #lock locks} it: for a consent change, which no batch remembered before. */
    public Uni<Void> rememberAndLock(String appId, String userId) {
        return NativeSql.update(REMEMBER, appId, userId).flatMap(inserted -> lock(appId, userId));
    }

    public Uni<Boolean> knows(String appId, String userId) {
        return NativeSql.list(KNOWS, Integer.class, appId, userId).map(rows -> !rows.isEmpty());
    }
}
