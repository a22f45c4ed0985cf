package dev.dermaguard.risk.repository;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.risk.TestDatabase;

/**
 * A structural check, not a timing one: on the real schema, every query the rules run on a user's history has an
 * index to serve it. With sequential scans switched off, PostgreSQL still picks one when no index fits, so a plan
 * without "Seq Scan" proves an index path exists. (RuleCostBenchmark shows the plans the planner picks freely at
 * 100,000 sessions.)
 */
@QuarkusTest
@RiskInfrastructure
class HistoryQueryPlansTest {

    static final List<String> QUERIES = HistoryQueries.ALL;

    @Inject
    TestDatabase database;

    @ParameterizedTest
    @FieldSource("QUERIES")
    void everyHistoryQueryIsServedByAnIndex(String sql) throws SQLException {
        String user = "plan-" + UUID.randomUUID();
        try (Connection db = database.connect();
                Statement statement = db.createStatement()) {
            statement.execute("insert into needling_session (event_id, app_id, user_id, area, performed_at,"
                    + " utc_offset_seconds, needle_depth_mm, device, setting, skin_type)"
                    + " select gen_random_uuid(), 'plan-app', '" + user + "', (array['CHEEKS','FOREHEAD','NECK'])[1 + i % 3],"
                    + " now() - i * interval '1 day', 0, 0.25, 'ROLLER', 'HOME', case when i % 50 = 0 then 'IV' end"
                    + " from generate_series(1, 2000) as i");
            statement.execute("insert into symptom_check_in (event_id, app_id, user_id, area, reported_at,"
                    + " utc_offset_seconds, symptoms)"
                    + " select gen_random_uuid(), 'plan-app', '" + user + "', (array['CHEEKS','FOREHEAD','NECK'])[1 + i % 3],"
                    + " now() - i * interval '1 day' + interval '1 hour', 0, case when i % 10 = 0 then '' else 'REDNESS' end"
                    + " from generate_series(1, 2000) as i");
            statement.execute("insert into check_in_finding (app_id, user_id, area, rule, reported_at, check_in_id, risk)"
                    + " select app_id, user_id, area, (array['PROLONGED_INFLAMMATION','INFECTION_SIGNS'])[1 + i % 2],"
                    + " reported_at, event_id, '{}' from (select *, row_number() over () as i from symptom_check_in"
                    + " where user_id = '" + user + "' and symptoms <> '') as inflamed");
            statement.execute("analyze needling_session");
            statement.execute("analyze symptom_check_in");
            statement.execute("analyze check_in_finding");
            statement.execute("set enable_seqscan = off");

            List<String> plan = QueryPlans.explain(db, sql, QueryPlans.valuesFor("plan-app", user, "CHEEKS",
                    "2026-01-01T00:00:00Z"), false);

            String text = String.join("\n", plan);
            assertFalse(text.contains("Seq Scan"), () -> "sequential scan in\n" + text);
            assertTrue(text.contains("Index"), () -> "no index in\n" + text);
        }
    }
}
