package dev.dermaguard.notify.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.auth.Caller;
import dev.dermaguard.outbox.NativeSql;

/**
 * Who did what, when: alerts raised, consents changed, alerts read or streamed (GDPR Art. 9 data needs a record of
 * every disclosure). Entries name ids only, never health data, so an operator can trace without reading it.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SERVICE = "service";
    public static final String SERVICE_ID = "notify-service";

    private static final String INSERT_NATIVE = "insert into audit_entry (actor_role, actor_id, action, subject, "
            + "detail) values (?1, ?2, ?3, ?4, ?5)";
    private static final String INSERT_POOL = "insert into audit_entry (actor_role, actor_id, action, subject, "
            + "detail) values ($1, $2, $3, $4, $5)";

    /** One entry as an operator reads it. */
    public record Entry(long id, Instant at, String actorRole, String actorId, String action, String subject,
            String detail) {
    }

    private final Pool database;

    public AuditLog(Pool database) {
        this.database = database;
    }

    /** In the current Panache transaction, with the effect it records. */
    public Uni<Void> record(String actorRole, String actorId, String action, String subject, String detail) {
        return NativeSql.update(INSERT_NATIVE, actorRole, actorId, action, subject, detail).replaceWithVoid();
    }

    /** On the connection (and in the transaction) of a request. */
    public Uni<Void> record(SqlClient connection, Caller caller, String action, String subject, String detail) {
        return record(connection, caller.role().name().toLowerCase(java.util.Locale.ROOT), caller.principalId(), action,
                subject, detail);
    }

    public Uni<Void> record(SqlClient connection, String actorRole, String actorId, String action, String subject,
            String detail) {
        return connection.preparedQuery(INSERT_POOL).execute(Tuple.of(actorRole, actorId, action, subject, detail))
                .replaceWithVoid();
    }

    /** Newest first; {@code before} an entry id pages back. */
    public Uni<List<Entry>> list(int limit, Long before) {
        return database.preparedQuery("select id, at, actor_role, actor_id, action, subject, detail from audit_entry "
                        + "where $1::bigint is null or id < $1 order by id desc limit $2")
                .execute(Tuple.of(before, limit))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new Entry(row.getLong("id"),
                            row.getOffsetDateTime("at").toInstant(), row.getString("actor_role"),
                            row.getString("actor_id"), row.getString("action"), row.getString("subject"),
                            row.getString("detail"))));
                    return entries;
                });
    }
}
