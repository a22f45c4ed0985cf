package dev.dermaguard.notify.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.persistence.NativeSql;

/** The audit log's rows. Every method runs in the current Panache session. */
@ApplicationScoped
public class AuditEntries {

    /** One entry as an operator reads it. */
    public record Entry(long id, Instant at, String actorRole, String actorId, String action, String subject,
            String detail) {
    }

    private static final String ADD = "insert into audit_entry (actor_role, actor_id, action, subject, detail) "
            + "values (?1, ?2, ?3, ?4, ?5)";

    private static final String COLUMNS = "select id, at, actor_role, actor_id, action, subject, detail from audit_entry ";

    private static final String NEWEST = COLUMNS + "order by id desc limit :limit";

    private static final String NEWEST_BEFORE = COLUMNS + "where id < :before order by id desc limit :limit";

    public Uni<Void> add(String actorRole, String actorId, String action, String subject, String detail) {
        return NativeSql.update(ADD, actorRole, actorId, action, subject, detail).replaceWithVoid();
    }

    /** Newest first; {@code before} an entry id (or null) pages back. */
    public Uni<List<Entry>> newest(int limit, Long before) {
        Uni<List<Object[]>> rows = before == null ? NativeSql.rows(NEWEST, Map.of("limit", limit))
                : NativeSql.rows(NEWEST_BEFORE, Map.of("before", before, "limit", limit));
        return rows.map(entries -> entries.stream().map(row -> new Entry(((Number) row[0]).longValue(), instant(row[1]),
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6])).toList());
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime at ? at.toInstant() : (Instant) timestamp;
    }
}
