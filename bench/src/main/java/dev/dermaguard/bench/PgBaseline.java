package dev.dermaguard.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the database does for the simplest client: single-row inserts of a session-shaped row, one transaction each
 * (autocommit), from 8 connections at once, into a copy of risk-service's {@code needling_session} with all its
 * indexes ({@code LIKE ... INCLUDING ALL}, so the baseline follows the schema's migrations by itself).
 */
final class PgBaseline {

    static final int CLIENTS = 8;
    private static final String TABLE = "bench_session";

    private final Database database;

    PgBaseline(Database database) {
        this.database = database;
    }

    double insertsPerSecond(Duration duration) throws Exception {
        try (Connection connection = database.open(Database.RISK); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + TABLE);
            statement.execute("create table " + TABLE + " (like needling_session including all)");
        }
        AtomicLong inserted = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                running.add(clients.submit(() -> insertUntil(deadline, "pg-" + id, inserted)));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection connection = database.open(Database.RISK); Statement statement = connection.createStatement()) {
            statement.execute("drop table " + TABLE);
        }
        return inserted.get() / seconds;
    }

    private Void insertUntil(long deadline, String user, AtomicLong inserted) throws Exception {
        try (Connection connection = database.open(Database.RISK);
             PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                     + " (event_id, app_id, user_id, area, performed_at, utc_offset_seconds, needle_depth_mm, device,"
                     + " setting) values (?, 'demo-app', ?, 'CHEEKS', ?, 0, 0.25, 'ROLLER', 'HOME')")) {
            while (System.nanoTime() < deadline) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, user);
                insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                insert.executeUpdate();
                inserted.incrementAndGet();
            }
        }
        return null;
    }
}
