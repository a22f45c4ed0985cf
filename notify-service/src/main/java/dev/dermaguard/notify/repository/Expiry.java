package dev.dermaguard.notify.repository;

import java.time.OffsetDateTime;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.persistence.NativeSql;

/** Deletes rows older than their retention, a bounded batch a statement, in the current Panache transaction. */
@ApplicationScoped
public class Expiry {

    private static final String DELIVERIES = batch("clinic_alert", "delivered_at");

    private static final String AUDIT_ENTRIES = batch("audit_entry", "at");

    /** @return how many it deleted: fewer than {@code batch} when none older is left */
    public Uni<Integer> deliveries(OffsetDateTime before, int batch) {
        return NativeSql.update(DELIVERIES, Map.of("before", before, "batch", batch));
    }

    public Uni<Integer> auditEntries(OffsetDateTime before, int batch) {
        return NativeSql.update(AUDIT_ENTRIES, Map.of("before", before, "batch", batch));
    }

    private static String batch(String table, String column) {
        return "delete from " + table + " where ctid = any(array(select ctid from " + table + " where " + column
                + " < :before limit :batch))";
    }
}
