package dev.dermaguard.risk.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.Goal;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.support.kafka.RecordBatches.Item;
import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.risk.TestDatabase;
import dev.dermaguard.risk.repository.HistoryQueries;
import dev.dermaguard.risk.repository.QueryPlans;
import dev.dermaguard.risk.service.EventAssessor;

/**
 * What evaluating one event costs for a user with 100,000 stored sessions against a user with none, through the
 * consumer's own code path (store, gather facts, judge, keep state, queue the assessment, commit), and the plans
 * PostgreSQL picks for every rule query at that size. Not part of {@code mvn verify}: speed is claimed from this
 * measurement only. Run: {@code mvn -B -pl risk-service -Pbenchmark test}; the report is printed and written to
 * {@code risk-service/target/benchmark/rule-cost.txt}.
 *
 * <p>Both users have a history of the same shape ending 61 days back, beyond every rule's window: 100,000
 * sessions for one, {@value #SMALL_HISTORY} for each new user. Their events therefore find the same neighbours and
 * raise the same findings, and any difference is the cost of history size. Each measured event of the heavy user
 * is removed after its measurement (outside the timing), so the history stays at 100,000 sessions.
 */
@QuarkusTest
@RiskInfrastructure
class RuleCostBenchmark {

    private static final int HISTORY = 100_000;
    private static final int SMALL_HISTORY = 13;
    private static final int WARM_UP = 300;
    private static final int MEASURED = 1_000;
    private static final String APP = "bench-app";

    @Inject
    TestDatabase database;
    @Inject
    EventAssessor assessor;

    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void evaluationCostDoesNotGrowWithHistory() throws Throwable {
        String heavy = "heavy-" + UUID.randomUUID();
        List<String> report = new ArrayList<>();
        try (Connection db = database.connect()) {
            long started = System.nanoTime();
            storeHistory(db, heavy, HISTORY);
            report.add(String.format(Locale.ROOT, "Stored %,d sessions for one user in %.1f s (one INSERT ... SELECT generate_series)",
                    HISTORY, (System.nanoTime() - started) / 1e9));

            Timings session = new Timings();
            Timings checkIn = new Timings();
            for (int round = 0; round < WARM_UP + MEASURED; round++) {
                boolean counted = round >= WARM_UP;
                SessionLogged ofHeavy = session(heavy);
                session.heavy(counted, time(() -> assessAlone(ofHeavy)));
                delete(db, "delete from needling_session where event_id = ?", ofHeavy.eventId());
                SessionLogged ofNew = session(newUser(db));
                session.fresh(counted, time(() -> assessAlone(ofNew)));

                SymptomCheckIn heavyCheckIn = checkIn(heavy);
                checkIn.heavy(counted, time(() -> assessAlone(heavyCheckIn)));
                delete(db, "delete from symptom_check_in where event_id = ?", heavyCheckIn.eventId());
                SymptomCheckIn newCheckIn = checkIn(newUser(db));
                checkIn.fresh(counted, time(() -> assessAlone(newCheckIn)));
            }
            report.add("");
            report.add(String.format(Locale.ROOT, "%d measured evaluations of each kind after %d warm-up rounds,"
                    + " alternating users; milliseconds per event, store to commit:", MEASURED, WARM_UP));
            report.add(session.line("session "));
            report.add(checkIn.line("check-in"));
            report.add("");
            report.add("Plans of every rule query for the user with " + HISTORY + " sessions (planner unconstrained):");
            for (String sql : HistoryQueries.ALL) {
                report.add("");
                report.add(sql);
                QueryPlans.explain(db, sql, QueryPlans.valuesFor(APP, heavy, "CHEEKS", now.toString()), true)
                        .forEach(line -> report.add("    " + line));
            }
        }
        report.forEach(System.out::println);
        Path out = Path.of("target/benchmark/rule-cost.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private String newUser(Connection db) throws SQLException {
        String user = "new-" + UUID.randomUUID();
        storeHistory(db, user, SMALL_HISTORY);
        return user;
    }

    /** Sessions over every area, one every three hours, ending 61 days ago; one in 1,000 carries a skin type. */
    private void storeHistory(Connection db, String user, int count) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("insert into needling_session (event_id, app_id, user_id, area, performed_at,"
                    + " utc_offset_seconds, needle_depth_mm, device, setting, skin_type, device_uses, goal)"
                    + " select gen_random_uuid(), '" + APP + "', '" + user + "',"
                    + " (array[" + String.join(",", Arrays.stream(Area.values()).map(a -> "'" + a + "'").toList())
                    + "])[1 + i % " + Area.values().length + "],"
                    + " timestamptz '" + now + "' - interval '61 days' - i * interval '3 hours', 0,"
                    + " case when i % 2 = 1 then 0.25 else 0.5 end, 'ROLLER',"
                    + " case when i % 10 = 0 then 'CLINIC' else 'HOME' end,"
                    + " case when i % 1000 = 1 then 'III' end, 1 + i % 20, 'ACNE_SCARS'"
                    + " from generate_series(1, " + count + ") as i");
            if (count == HISTORY) {
                statement.execute("analyze needling_session");
            }
        }
    }

    /** One event in a transaction of its own, as a poll of one record is. */
    private Uni<Void> assessAlone(Object event) {
        return assessor.assess(List.of(Item.untraced("bench", event)));
    }

    private static long time(Supplier<Uni<Void>> evaluation) throws Throwable {
        long start = System.nanoTime();
        VertxContextSupport.subscribeAndAwait(evaluation);
        return System.nanoTime() - start;
    }

    private static void delete(Connection db, String sql, UUID eventId) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, eventId);
            statement.executeUpdate();
        }
    }

    private SessionLogged session(String user) {
        return new SessionLogged(UUID.randomUUID(), APP, user, now, Area.CHEEKS, new BigDecimal("0.5"), Device.PEN,
                null, null, null, 3, true, Goal.ACNE_SCARS);
    }

    private SymptomCheckIn checkIn(String user) {
        return new SymptomCheckIn(UUID.randomUUID(), APP, user, now, Area.CHEEKS, Set.of(Symptom.REDNESS));
    }

    /** Nanosecond samples of one kind of event for both users. */
    private static final class Timings {
        private final List<Long> heavy = new ArrayList<>();
        private final List<Long> fresh = new ArrayList<>();

        void heavy(boolean counted, long nanos) {
            if (counted) {
                heavy.add(nanos);
            }
        }

        void fresh(boolean counted, long nanos) {
            if (counted) {
                fresh.add(nanos);
            }
        }

        String line(String kind) {
            double heavyMedian = percentile(heavy, 50);
            double freshMedian = percentile(fresh, 50);
            return String.format(Locale.ROOT, "%s  100,000 sessions: median %.2f p90 %.2f | new user: median %.2f"
                    + " p90 %.2f | ratio of medians %.3f", kind, heavyMedian, percentile(heavy, 90), freshMedian,
                    percentile(fresh, 90), heavyMedian / freshMedian);
        }

        private static double percentile(List<Long> samples, int p) {
            List<Long> sorted = samples.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
        }
    }
}
