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

    /** The users given, locked in the order given ({@link #lockAll} sorts them). */
    private static final String LOCK_ALL = "select a.user_id from unnest(cast(:apps as text[]), cast(:users as text[]))"
            + " with ordinality as u(app_id, user_id, n) join app_user a on a.app_id = u.app_id and a.user_id = u.user_id"
            + " order by u.n for update of a";

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
        return NativeSql.update(REMEMBER_ALL, asColumns(distinct)).replaceWithVoid();
    }

    /**
     * Locks the rows of users already remembered (by this transaction or an earlier one) until the current Panache
     * transaction ends. Every delivery decision, consent change and offboarding takes its users' locks this way,
     * before anything else: so they serialize, and since every taker locks in the order of the users' ids, they never
     * deadlock. One statement: PostgreSQL locks the rows in the order the query returns them, which is the order given.
     *
     * @param users each an app's id and its user's id
     * @throws IllegalStateException when a user was never remembered
     */
    public Uni<Void> lockAll(Collection<Map.Entry<String, String>> users) {
        List<Map.Entry<String, String>> inOrder = users.stream().distinct()
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .toList();
        if (inOrder.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return NativeSql.list(LOCK_ALL, String.class, asColumns(inOrder))
                .map(locked -> {
                    if (locked.size() != inOrder.size()) {
                        throw new IllegalStateException("A user's lock was asked for before the user was remembered");
                    }
                    return null;
                });
    }

    /** The named parameters {@code apps} and {@code users}, each user's ids at the same index. */
    private static Map<String, String[]> asColumns(List<Map.Entry<String, String>> users) {
        return Map.of("apps", users.stream().map(Map.Entry::getKey).toArray(String[]::new),
                "users", users.stream().map(Map.Entry::getValue).toArray(String[]::new));
    }

    public Uni<Boolean> knows(String appId, String userId) {
        return NativeSql.list(KNOWS, Integer.class, appId, userId).map(rows -> !rows.isEmpty());
    }
}
