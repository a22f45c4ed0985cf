package dev.dermaguard.risk.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.support.kafka.RecordBatches.Item;
import dev.dermaguard.risk.RiskInfrastructure;
import dev.dermaguard.risk.TestDatabase;

/**
 * No alert is lost to arrival order (DESIGN.md "Delivery guarantees"): for each user history, every order of
 * arrival (a seeded sample where there are too many) raises at least the alerts, as (rule, area), that the
 * in-order arrival raises. Through the assessors on the real database, read from the assessments they publish.
 */
@QuarkusTest
@RiskInfrastructure
class ArrivalOrderTest {

    private static final String APP = "order-app";
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    private static final int MAX_ORDERS = 24;

    @Inject
    EventAssessor assessor;
    @Inject
    TestDatabase database;
    @Inject
    EventCodec codec;

    /** One event of a history: made afresh for each run's user, so every run has ids of its own. */
    record Step(String label, Function<String, Object> event) {
    }

    /**
     * A user's history in reported order, and the alerts its in-order arrival must raise (rule@area).
     * {@code userWide} rules judge all areas at once (OVERUSE's days in a week): their finding falls on the session
     * that completes the count, whichever arrives last, so they are compared without the area.
     */
    record History(String name, List<Step> steps, Set<String> raises, Set<RuleName> userWide) {

        History(String name, List<Step> steps, Set<String> raises) {
            this(name, steps, raises, Set.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<History> histories() {
        return List.of(
                new History("healing gap and depth", List.of(
                        session("S1", 48, Area.CHEEKS, "0.5"),
                        session("S2", 24, Area.CHEEKS, "1.2")),
                        Set.of("HEALING_GAP@CHEEKS", "DEPTH_ABOVE_HOME_LIMIT@CHEEKS")),
                new History("overuse on five days in a week", List.of(
                        session("S1", 4 * 24, Area.FOREHEAD, "0.25"),
                        session("S2", 3 * 24, Area.CHIN, "0.25"),
                        session("S3", 2 * 24, Area.NECK, "0.25"),
                        session("S4", 24, Area.HANDS, "0.25"),
                        session("S5", 0, Area.BODY, "0.25")),
                        Set.of("OVERUSE@any area"), Set.of(RuleName.OVERUSE)),
                new History("PUS check-in synced before its session", List.of(
                        session("S", 3 * 24, Area.CHEEKS, "0.25"),
                        checkIn("C", 24, Area.CHEEKS, Symptom.PUS)),
                        Set.of("INFECTION_SIGNS@CHEEKS")),
                new History("inflamed-skin check-in before a later session", List.of(
                        session("S1", 10 * 24, Area.CHEEKS, "0.5"),
                        checkIn("C", 5 * 24, Area.CHEEKS, Symptom.SWELLING),
                        session("S2", 2 * 24, Area.CHEEKS, "0.5")),
                        Set.of("PROLONGED_INFLAMMATION@CHEEKS", "NEEDLING_INFLAMED_SKIN@CHEEKS")),
                new History("inflamed skin until an all-clear", List.of(
                        session("S1", 20 * 24, Area.CHEEKS, "0.5"),
                        checkIn("C", 15 * 24, Area.CHEEKS, Symptom.REDNESS),
                        session("S2", 10 * 24, Area.CHEEKS, "0.5"),
                        checkIn("A", 5 * 24, Area.CHEEKS),
                        session("S3", 4 * 24, Area.CHEEKS, "0.5")),
                        Set.of("PROLONGED_INFLAMMATION@CHEEKS", "NEEDLING_INFLAMED_SKIN@CHEEKS",
                                "HEALING_GAP@CHEEKS")),
                new History("prolonged inflammation after the earlier of two sessions", List.of(
                        session("S1", 10 * 24, Area.CHEEKS, "0.5"),
                        checkIn("C", 5 * 24, Area.CHEEKS, Symptom.REDNESS),
                        session("S2", 24, Area.CHEEKS, "0.5")),
                        Set.of("PROLONGED_INFLAMMATION@CHEEKS", "NEEDLING_INFLAMED_SKIN@CHEEKS")),
                new History("pigmentation, technique damage and hygiene", List.of(
                        session("S1", 20 * 24, Area.FOREHEAD, "0.25"),
                        uncleanSession("S2", 3 * 24, Area.FOREHEAD),
                        checkIn("C", 24, Area.FOREHEAD, Symptom.DARK_PATCHES, Symptom.BLEEDING)),
                        Set.of("PIGMENTATION@FOREHEAD", "TECHNIQUE_DAMAGE@FOREHEAD", "DEVICE_HYGIENE@FOREHEAD")),
                new History("infection signs on two areas", List.of(
                        session("S1", 5 * 24, Area.NOSE, "0.25"),
                        session("S2", 4 * 24, Area.CHIN, "0.25"),
                        checkIn("C1", 2 * 24, Area.NOSE, Symptom.FEVER),
                        checkIn("C2", 24, Area.CHIN, Symptom.WARMTH, Symptom.SPREADING_REDNESS)),
                        Set.of("INFECTION_SIGNS@NOSE", "INFECTION_SIGNS@CHIN")));
    }

    @ParameterizedTest
    @MethodSource("histories")
    void everyArrivalOrderRaisesWhatTheInOrderArrivalRaises(History history) throws Throwable {
        List<Integer> inOrder = IntStream.range(0, history.steps().size()).boxed().toList();
        Set<String> expected = alertsRaised(history, inOrder);
        assertTrue(expected.containsAll(history.raises()), () -> "in order, " + history + " raised " + expected);

        for (List<Integer> order : orders(history.steps().size())) {
            Set<String> raised = alertsRaised(history, order);
            assertTrue(raised.containsAll(expected), () -> history + " arriving as "
                    + order.stream().map(i -> history.steps().get(i).label()).toList() + " raised " + raised
                    + ", in order " + expected);
        }
    }

    /** Every order but the reported one, or a seeded sample of them. */
    private static Set<List<Integer>> orders(int size) {
        List<Integer> reported = IntStream.range(0, size).boxed().toList();
        Set<List<Integer>> all = new LinkedHashSet<>();
        permute(new ArrayList<>(reported), 0, all);
        all.remove(reported);
        if (all.size() <= MAX_ORDERS) {
            return all;
        }
        List<List<Integer>> sample = new ArrayList<>(all);
        Collections.shuffle(sample, new Random(8));
        return new LinkedHashSet<>(sample.subList(0, MAX_ORDERS));
    }

    private static void permute(List<Integer> items, int from, Set<List<Integer>> out) {
        if (from == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            Collections.swap(items, from, i);
            permute(items, from + 1, out);
            Collections.swap(items, from, i);
        }
    }

    /** Posts the history for a new user in this order and returns the alerting findings of all its assessments. */
    private Set<String> alertsRaised(History history, List<Integer> order) throws Throwable {
        String user = "order-" + UUID.randomUUID();
        for (int i : order) {
            Object event = history.steps().get(i).event().apply(user);
            VertxContextSupport.subscribeAndAwait(() -> assessor.assess(List.of(Item.untraced("arrival", event))));
        }
        Set<String> raised = new HashSet<>();
        try (Connection db = database.connect();
                PreparedStatement query = db.prepareStatement(
                        "select payload from assessment where app_id = ? and user_id = ?")) {
            query.setString(1, APP);
            query.setString(2, user);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    RiskAssessed assessed = codec.read(rows.getString(1), RiskAssessed.class);
                    assessed.risks().stream().filter(r -> r.severity().alerts())
                            .map(Risk::rule).forEach(rule -> raised.add(rule + "@"
                                    + (history.userWide().contains(rule) ? "any area" : assessed.area())));
                }
            }
        }
        return raised;
    }

    private static Step session(String label, int hoursAgo, Area area, String depth) {
        return new Step(label, user -> new SessionLogged(UUID.randomUUID(), APP, user, NOW.minusHours(hoursAgo), area,
                new BigDecimal(depth), Device.ROLLER, null, null, null, null, null, null));
    }

    private static Step uncleanSession(String label, int hoursAgo, Area area) {
        return new Step(label, user -> new SessionLogged(UUID.randomUUID(), APP, user, NOW.minusHours(hoursAgo), area,
                new BigDecimal("0.25"), Device.ROLLER, null, null, null, 4, false, null));
    }

    private static Step checkIn(String label, int hoursAgo, Area area, Symptom... symptoms) {
        return new Step(label, user -> new SymptomCheckIn(UUID.randomUUID(), APP, user, NOW.minusHours(hoursAgo), area,
                Set.of(symptoms)));
    }
}
