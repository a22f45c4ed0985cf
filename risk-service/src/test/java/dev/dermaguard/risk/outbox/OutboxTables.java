package dev.dermaguard.risk.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.risk.TestDatabase;

/** Rows written straight into the outbox, as a service's transaction would, and counted per record key. */
final class OutboxTables {

    record Row(String topic, String payload) {
    }

    private OutboxTables() {
    }

    /** In one transaction, so the relay sees them in one batch; answers their ids in order. */
    static List<Long> write(TestDatabase database, String key, List<Row> rows) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_message (topic, record_key, event_id, event_type, payload)
                    values (?, ?, ?, ?, ?) returning id""")) {
                for (Row row : rows) {
                    insert.setString(1, row.topic());
                    insert.setString(2, key);
                    insert.setObject(3, UUID.randomUUID());
                    insert.setString(4, EventTypes.RISK_ASSESSED);
                    insert.setString(5, row.payload());
                    try (ResultSet id = insert.executeQuery()) {
                        id.next();
                        ids.add(id.getLong(1));
                    }
                }
            }
            connection.commit();
        }
        return ids;
    }

    /** @param table outbox_message or outbox_parked */
    static long count(TestDatabase database, String table, String key) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from " + table + " where record_key = ?")) {
            select.setString(1, key);
            try (ResultSet count = select.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
