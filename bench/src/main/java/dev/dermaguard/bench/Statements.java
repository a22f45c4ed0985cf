package dev.dermaguard.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The services' PostgreSQL statements, each a round trip, counted by {@code pg_stat_statements} (the embedded
 * server preloads it) over both services' databases, BEGIN and COMMIT included.
 */
final class Statements {

    private final Database database;

    Statements(Database database) {
        this.database = database;
    }

    void reset() throws Exception {
        try (Connection connection = database.open("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    long count() throws Exception {
        try (Connection connection = database.open("postgres"); Statement statement = connection.createStatement();
             ResultSet calls = statement.executeQuery("""
                     select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname in ('%s', '%s')""".formatted(Database.RISK, Database.NOTIFY))) {
            calls.next();
            return calls.getLong(1);
        }
    }
}
