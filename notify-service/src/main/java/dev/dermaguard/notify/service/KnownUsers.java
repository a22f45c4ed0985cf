package dev.dermaguard.notify.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.outbox.NativeSql;

/**
 * The users each app has posted about: asking about anyone else is 404, never another app's data. A user's row is
 * also the lock that serializes what is decided about that user.
 */
@ApplicationScoped
public class KnownUsers {

    private final Pool database;

    public KnownUsers(Pool database) {
        this.database = database;
    }

    /**
     * Remembers the users of a batch, one statement for all, in the order of their ids (the order in which a batch
     * takes their locks): most assessments decide nothing, and then remembering is all a user needs.
     *
     * @param users each an app's id and its user's id
     */
    public Uni<Void> remember(Collection<Map.Entry<String, String>> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<String, String>> distinct = users.stream().distinct().toList();
        return NativeSql.update("insert into app_user (app_id, user_id) select app_id, user_id from"
                        + " unnest(cast(:apps as text[]), cast(:users as text[])) as u(app_id, user_id)"
                        + " order by app_id, user_id on conflict do nothing",
                        Map.of("apps", distinct.stream().map(Map.Entry::getKey).toArray(String[]::new),
                                "users", distinct.stream().map(Map.Entry::getValue).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /**
     * Remembers the user and locks its row until the current Panache transaction ends. Every delivery decision and
     * every consent change of a user takes this lock first (before any other), so they serialize and never deadlock.
     */
    public Uni<Void> lock(String appId, String userId) {
        return NativeSql.update("insert into app_user (app_id, user_id) values (?1, ?2) on conflict do nothing",
                        appId, userId)
                .flatMap(inserted -> NativeSql.list("select user_id from app_user where app_id = ?1 and user_id = ?2 "
                        + "for update", String.class, appId, userId))
                .replaceWithVoid();
    }

    public Uni<Boolean> knows(String appId, String userId) {
        return database.preparedQuery("select 1 from app_user where app_id = $1 and user_id = $2")
                .execute(Tuple.of(appId, userId))
                .map(rows -> rows.size() > 0);
    }
}
