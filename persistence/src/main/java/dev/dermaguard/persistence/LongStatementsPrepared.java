package dev.dermaguard.persistence;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;

/**
 * The pool as Quarkus configures it, but a connection keeps every statement prepared, however long. The client's
 * default prepares only statements of up to 2,048 characters once per connection; risk-service's session history
 * (one round trip instead of seven, about 4,000 characters) was parsed and planned again for every session: 2.2 ms
 * of PostgreSQL's CPU each time, more than its execution (pg_stat_statements with track_planning, a stream of 150
 * events/s). Prepared, PostgreSQL plans it once per connection and reuses that plan. The cache stays bounded by its
 * count of statements (256 per connection), all of them fixed text written in this code.
 */
@Singleton
public class LongStatementsPrepared implements PgPoolCreator {

    /** Longer than any statement written here; a longer one would only be planned each time again. */
    static final int STATEMENT_LIMIT = 16_384;

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options -> options.setPreparedStatementCacheSqlLimit(STATEMENT_LIMIT));
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
