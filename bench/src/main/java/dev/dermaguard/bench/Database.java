package dev.dermaguard.bench;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.ds.PGSimpleDataSource;

import dev.dermaguard.infra.LocalPostgres;

/** Connections to the stack's PostgreSQL, as the services' own user. */
final class Database {

    static final String RISK = "dermaguard_risk";
    static final String NOTIFY = "dermaguard_notify";

    private final LocalPostgres postgres;

    Database(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    Connection open(String database) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(postgres.jdbcUrl(database));
        source.setUser(postgres.username());
        source.setPassword(postgres.password());
        return source.getConnection();
    }
}
