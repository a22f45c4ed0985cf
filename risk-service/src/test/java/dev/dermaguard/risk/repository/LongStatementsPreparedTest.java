package dev.dermaguard.risk.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

import dev.dermaguard.persistence.NativeSql;
import dev.dermaguard.risk.RiskInfrastructure;

/**
 * The session history is one statement of about 4,000 characters, twice what the PostgreSQL client prepares by
 * default: without LongStatementsPrepared, PostgreSQL parsed and planned it for every session. Prepared, it is in the
 * connection's pg_prepared_statements once it has run, and runs again from there.
 */
@QuarkusTest
@RiskInfrastructure
class LongStatementsPreparedTest {

    /** The client's own limit (SqlConnectOptions.DEFAULT_PREPARED_STATEMENT_CACHE_SQL_LIMIT). */
    private static final int CLIENT_DEFAULT_LIMIT = 2048;

    @Test
    void theSessionHistoryIsLongerThanTheClientPreparesByDefault() {
        assertTrue(HistoryQueries.SESSION_HISTORY.length() > CLIENT_DEFAULT_LIMIT,
                "the session history fits the client's default: this test would prove nothing");
    }

    @Test
    void aStatementLongerThanTheClientDefaultIsPreparedOnceOnItsConnection() throws Throwable {
        String marker = "long_" + UUID.randomUUID().toString().replace('-', '_');
        // A valid statement of 3,000 characters and more, unique to this run: a comment cannot be folded away.
        String statement = "select 1 as " + marker + " /* " + "x".repeat(3_000) + " */";

        List<Long> prepared = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                NativeSql.rows(statement, Map.of())
                        .chain(() -> NativeSql.rows(statement, Map.of()))
                        .chain(() -> NativeSql.<Long>rows("select count(*) from pg_prepared_statements"
                                + " where statement like :marker", Map.of("marker", "%" + marker + "%")))));

        assertEquals(List.of(1L), prepared, "the long statement is not kept prepared on its connection");
    }
}
