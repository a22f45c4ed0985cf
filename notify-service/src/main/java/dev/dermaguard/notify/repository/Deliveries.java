package dev.dermaguard.notify.repository;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.AlertRaised;
import dev.dermaguard.common.kafka.EventCodec;

/** The read side: alerts as stored (with their current occurrences), and the alerts delivered to each clinic. */
@ApplicationScoped
public class Deliveries {

    /** An alert delivered to a clinic, at its cursor in that clinic's sequence. */
    public record ClinicAlert(long cursor, AlertRaised alert) {
    }

    /** After a revocation, the alert as it stood then; while consent stands, as it is now (DESIGN.md). */
    private static final String CLINIC_ALERTS = "select ca.cursor, ca.clinic_id, a.payload, "
            + "coalesce(ca.occurrences_at_revocation, a.occurrences) as occurrences "
            + "from clinic_alert ca join alert a on a.alert_id = ca.alert_id where ca.clinic_id = $1 ";

    private final Pool database;
    private final EventCodec codec;

    public Deliveries(Pool database, EventCodec codec) {
        this.database = database;
        this.codec = codec;
    }

    public Uni<List<AlertRaised>> ofUser(SqlClient connection, String appId, String userId, int limit) {
        return connection.preparedQuery("select payload, occurrences, null as clinic_id from alert "
                        + "where app_id = $1 and user_id = $2 order by created_at desc limit $3")
                .execute(Tuple.of(appId, userId, limit))
                .map(rows -> map(rows, this::alert));
    }

    /** Newest first; {@code before} a cursor pages back. */
    public Uni<List<ClinicAlert>> newestOfClinic(SqlClient connection, String clinicId, Long before, int limit) {
        return connection.preparedQuery(CLINIC_ALERTS + "and ($2::bigint is null or ca.cursor < $2) "
                        + "order by ca.cursor desc limit $3")
                .execute(Tuple.of(clinicId, before, limit))
                .map(rows -> map(rows, this::clinicAlert));
    }

    /** In cursor order, from just after {@code cursor}: what a stream has not sent yet. */
    public Uni<List<ClinicAlert>> ofClinicAfter(String clinicId, long cursor, int limit) {
        return database.preparedQuery(CLINIC_ALERTS + "and ca.cursor > $2 order by ca.cursor limit $3")
                .execute(Tuple.of(clinicId, cursor, limit))
                .map(rows -> map(rows, this::clinicAlert));
    }

    /** The clinic's latest cursor; 0 before its first delivery. */
    public Uni<Long> lastCursor(String clinicId) {
        return database.preparedQuery("select last_cursor from clinic where clinic_id = $1")
                .execute(Tuple.of(clinicId))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0));
    }

    /**
     * The first cursor of the clinic still kept (older deliveries expired); one past its last cursor when none is
     * kept, and 1 for a clinic never delivered to.
     */
    public Uni<Long> oldestKept(String clinicId) {
        return database.preparedQuery("select coalesce((select min(cursor) from clinic_alert where clinic_id = $1), "
                        + "(select last_cursor + 1 from clinic where clinic_id = $1), 1)")
                .execute(Tuple.of(clinicId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private ClinicAlert clinicAlert(Row row) {
        return new ClinicAlert(row.getLong("cursor"), alert(row));
    }

    /** As published, with the occurrences counted since and the clinic it was delivered to (null for a user). */
    private AlertRaised alert(Row row) {
        AlertRaised a = codec.read(row.getString("payload"), AlertRaised.class);
        return new AlertRaised(a.alertId(), a.appId(), a.userId(), row.getString("clinic_id"), a.rule(), a.severity(),
                a.area(), a.summary(), a.message(), a.detail(), a.evidence(), a.sourceEventId(), a.assessmentId(),
                a.escalated(), row.getInteger("occurrences"), a.createdAt(), a.ruleSetVersion());
    }

    private static <T> List<T> map(RowSet<Row> rows, java.util.function.Function<Row, T> mapping) {
        List<T> out = new ArrayList<>();
        rows.forEach(row -> out.add(mapping.apply(row)));
        return out;
    }
}
