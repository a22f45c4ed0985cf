package dev.dermaguard.notify.repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.persistence.NativeSql;

/**
 * The alerts delivered to each clinic, by the clinic's cursor: written in the raising transaction, read by the
 * clinic's HTTP reads and streams. Every method runs in the current Panache session.
 */
@ApplicationScoped
public class Deliveries {

    /** An alert delivered to a clinic, at its cursor in that clinic's sequence. */
    public record ClinicAlert(long cursor, AlertRaised alert) {
    }

    /** After a revocation, the alert as it stood then; while consent stands, as it is now (DESIGN.md). */
    private static final String OF_CLINIC = "select ca.cursor, a.payload, "
            + "coalesce(ca.occurrences_at_revocation, a.occurrences) as occurrences "
            + "from clinic_alert ca join alert a on a.alert_id = ca.alert_id where ca.clinic_id = :clinic ";

    private static final String NEWEST = OF_CLINIC + "order by ca.cursor desc limit :limit";

    private static final String NEWEST_BEFORE = OF_CLINIC + "and ca.cursor < :before order by ca.cursor desc limit :limit";

    private static final String AFTER = OF_CLINIC + "and ca.cursor > :after order by ca.cursor limit :limit";

    private static final String LAST_CURSOR = "select last_cursor from clinic where clinic_id = :clinic";

    private static final String OLDEST_KEPT = "select coalesce((select min(cursor) from clinic_alert "
            + "where clinic_id = :clinic), (select last_cursor + 1 from clinic where clinic_id = :clinic), 1)";

    /** Locks the clinic row until commit, so cursors of one clinic commit in their order. */
    private static final String NEXT_CURSOR = "update clinic set last_cursor = last_cursor + 1 where clinic_id = ?1";

    private static final String DELIVER = "insert into clinic_alert (clinic_id, cursor, alert_id) "
            + "select clinic_id, last_cursor, ?2 from clinic where clinic_id = ?1";

    /** The outbox rows of a topic: what the relay has not published yet. */
    private static final String DROP_UNPUBLISHED = "delete from outbox_message where topic = ?1";

    /** Delivered when the transaction commits, and never if it rolls back. */
    private static final String NOTIFY = "select count(*) from (select pg_notify(?1, ?2)) notified";

    private final Alerts alerts;

    public Deliveries(Alerts alerts) {
        this.alerts = alerts;
    }

    /** At the clinic's next cursor; in the raising transaction, after the alert row is written. */
    public Uni<Void> deliver(String clinicId, UUID alertId) {
        return NativeSql.update(NEXT_CURSOR, clinicId)
                .flatMap(locked -> NativeSql.update(DELIVER, clinicId, alertId))
                .replaceWithVoid();
    }

    /** @return how many of the topic's records were dropped before they were published */
    public Uni<Integer> dropUnpublished(String topic) {
        return NativeSql.update(DROP_UNPUBLISHED, topic);
    }

    /** Tells every instance's listener on {@code channel} (ClinicStreams) when the current transaction commits. */
    public Uni<Void> notifyOnCommit(String channel, String payload) {
        return NativeSql.list(NOTIFY, Long.class, channel, payload).replaceWithVoid();
    }

    /** Newest first; {@code before} a cursor (or null) pages back. */
    public Uni<List<ClinicAlert>> newestOfClinic(String clinicId, Long before, int limit) {
        return before == null ? read(clinicId, NEWEST, Map.of("clinic", clinicId, "limit", limit))
                : read(clinicId, NEWEST_BEFORE, Map.of("clinic", clinicId, "before", before, "limit", limit));
    }

    /** In cursor order, from just after {@code cursor}: what a stream has not sent yet. */
    public Uni<List<ClinicAlert>> ofClinicAfter(String clinicId, long cursor, int limit) {
        return read(clinicId, AFTER, Map.of("clinic", clinicId, "after", cursor, "limit", limit));
    }

    /** The clinic's latest cursor; 0 before its first delivery. */
    public Uni<Long> lastCursor(String clinicId) {
        return NativeSql.<Number>rows(LAST_CURSOR, Map.of("clinic", clinicId))
                .map(rows -> rows.isEmpty() ? 0L : rows.get(0).longValue());
    }

    /**
     * The first cursor of the clinic still kept (older deliveries expired); one past its last cursor when none is
     * kept, and 1 for a clinic never delivered to.
     */
    public Uni<Long> oldestKept(String clinicId) {
        return NativeSql.<Number>rows(OLDEST_KEPT, Map.of("clinic", clinicId)).map(rows -> rows.get(0).longValue());
    }

    private Uni<List<ClinicAlert>> read(String clinicId, String sql, Map<String, ?> parameters) {
        return NativeSql.<Object[]>rows(sql, parameters).map(rows -> rows.stream()
                .map(row -> new ClinicAlert(((Number) row[0]).longValue(), alerts.read(row[1], row[2], clinicId)))
                .toList());
    }
}
