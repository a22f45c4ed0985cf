package dev.dermaguard.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.dermaguard.infra.LocalStack;
import dev.dermaguard.infra.WorkFiles;

/**
 * bench/run.sh: starts the stack on free ports as run-local.sh does, measures the baselines, the pipeline, the cost
 * of history and each service, prints progress as it goes, and writes bench/results/latest.{json,md,png}.
 */
public final class Bench {

    /** How long each part runs; quick proves the harness works, full is the measurement. */
    record Plan(String mode, int kafkaRecords, Duration pgInserts, int backlogEvents, Duration trial, int searchTrials,
                Duration settle, int historyUsers, int historyEvents) {

        static final Plan QUICK = new Plan("quick", 50_000, Duration.ofSeconds(3), 200, Duration.ofSeconds(2), 2,
                Duration.ofSeconds(3), 1, 200);
        static final Plan FULL = new Plan("full", 500_000, Duration.ofSeconds(10), 10_000, Duration.ofSeconds(12), 5,
                Duration.ofSeconds(8), 10, 5_000);
    }

    private static final double SINGLE_CEILING = 5_000;
    private static final double BATCH_CEILING = 30_000;
    private static final Map<String, Double> LATENCY_SHARES = new LinkedHashMap<>();

    static {
        LATENCY_SHARES.put("atQuarterMax", 0.25);
        LATENCY_SHARES.put("atHalfMax", 0.50);
        LATENCY_SHARES.put("atThreeQuartersMax", 0.75);
    }

    private final Plan plan;
    private final long started = System.nanoTime();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);
    /** Trials so far: each has users of its own. */
    private int trials;
    private final List<Results.Point> points = new ArrayList<>();

    private Bench(Plan plan) {
        this.plan = plan;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Plan plan = Plan.FULL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> plan = Plan.QUICK;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> {
                    System.err.println("usage: bench/run.sh [--quick]");
                    System.exit(2);
                }
            }
        }
        // Ctrl-C or a CI timeout must not leave a broker, a database or a service behind.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "bench-stop"));
        new Bench(plan).run(root);
        System.exit(0);
    }

    private void run(Path root) throws Exception {
        Path workDir = Files.createTempDirectory("dermaguard-bench-");
        Path logs = workDir.resolve("logs");
        Results results;
        progress("%s run; starting Kafka, PostgreSQL and the three services on free ports (logs in %s)", plan.mode(), logs);
        try (LocalStack stack = LocalStack.start(LocalStack.Options.freePorts(root, workDir));
             Observer observer = new Observer(stack.bootstrapServers())) {
            progress("stack ready");
            Probes probes = new Probes();
            Map<String, Long> idle = probes.memory();
            Database database = new Database(stack.postgres());
            Results.Baselines baselines = baselines(stack, database, logs);
            Load load = new Load(stack.intakeUrl(), observer, probes);
            Results.Pipeline pipeline = pipeline(load, new Statements(database));
            Results.HistoryCost history = history(load, new History(database));
            Map<String, Results.ServiceFigures> services = services(stack, probes, idle);
            results = new Results(LocalDate.now(ZoneOffset.UTC).toString(), machine(), plan.mode(), seconds(),
                    baselines, pipeline, history, services, points);
        } finally {
            WorkFiles.delete(workDir);
        }
        Path directory = root.resolve("bench/results");
        Report.write(directory, results);
        System.out.println();
        System.out.print(Report.markdown(results));
        progress("written to %s", directory);
    }

    private Results.Baselines baselines(LocalStack stack, Database database, Path logs) throws Exception {
        double[] kafka = new KafkaBaseline(stack.bootstrapServers(), logs).run(plan.kafkaRecords());
        progress("Kafka baseline: produce %s records/s (acks=all, idempotent), consume %s records/s",
                Report.format(kafka[0]), Report.format(kafka[1]));
        double inserts = new PgBaseline(database).insertsPerSecond(plan.pgInserts());
        progress("PostgreSQL baseline: %s single-row inserts/s from %d clients", Report.format(inserts),
                PgBaseline.CLIENTS);
        return new Results.Baselines(tenths(kafka[0]), tenths(kafka[1]), tenths(inserts));
    }

    private Results.Pipeline pipeline(Load load, Statements statements) throws Exception {
        // The first backlog meets JVMs that have compiled nothing yet, as after a restart: its rate is reported
        // apart, and every figure after it is of warm services.
        double coldDrain = drain(load, Mix.fresh(prefix("c")), plan.backlogEvents(), "a backlog, cold services");
        double drain = drain(load, Mix.fresh(prefix("w")), plan.backlogEvents(), "a backlog, warm services");
        double batches = search(load, Load.BATCH, drain * 0.9, BATCH_CEILING);
        double statementsPerEvent = statementsPerEvent(load, statements, batches > 0 ? batches : drain / 2);
        double singles = search(load, Load.SINGLE, drain * 0.7, SINGLE_CEILING);
        double base = singles > 0 ? singles : drain / 4;
        Map<String, Results.Latency> latency = new LinkedHashMap<>();
        for (Map.Entry<String, Double> share : LATENCY_SHARES.entrySet()) {
            latency.put(share.getKey(), latency(trial(load, Load.SINGLE, base * share.getValue())));
        }
        return new Results.Pipeline(tenths(batches), tenths(singles), tenths(drain), tenths(coldDrain),
                statementsPerEvent, latency);
    }

    /**
     * Statements of both services per event assessed, in batches at the rate given: at the highest sustained rate the
     * relays' idle polling is spread over the most events, as it would be in a busy deployment.
     */
    private double statementsPerEvent(Load load, Statements statements, double rate) throws Exception {
        statements.reset();
        Trial trial = trial(load, Load.BATCH, rate);
        long assessed = trial.events.values().stream().filter(e -> e.assessed != 0).count();
        double perEvent = assessed == 0 ? 0 : Math.round(10.0 * statements.count() / assessed) / 10.0;
        progress("PostgreSQL statements per event, batches at %s/s: %s", Report.format(rate), Report.format(perEvent));
        return perEvent;
    }

    /** The highest rate sustained in {@code mode}, each trial a point of the plot. */
    private double search(Load load, String mode, double first, double ceiling) {
        RateSearch.Outcome outcome = RateSearch.search(Math.max(first, 10), ceiling, plan.searchTrials(), rate -> {
            try {
                return trial(load, mode, rate).sustained();
            } catch (Exception e) {
                throw new IllegalStateException("a trial of " + mode + " at " + rate + "/s failed", e);
            }
        });
        progress("%s: max sustained %s events/s", mode, Report.format(outcome.maxSustained()));
        return outcome.maxSustained();
    }

    private Trial trial(Load load, String mode, double rate) throws Exception {
        // New users for every trial: a user of an earlier trial would meet its own history (a HEALING_GAP, an alert
        // held back by the cooldown), and an alert that never comes counted as the whole settling time.
        Trial trial = load.run(mode, Mix.fresh(prefix(mode.substring(0, 1) + ++trials + "-")), rate, plan.trial(),
                plan.settle());
        Results.Latency latency = latency(trial);
        points.add(new Results.Point(mode, tenths(rate), tenths(trial.achievedPerSecond()), trial.sustained(), latency));
        progress("%-6s %7s/s offered, %7s/s accepted, %s; to assessment p50 %s p99 %s ms, to alert p99 %s ms",
                mode, Report.format(rate), Report.format(trial.achievedPerSecond()),
                trial.sustained() ? "sustained" : "NOT sustained (lag grew, schedule slipped or refusals)",
                Report.format(latency.toAssessment().p50()), Report.format(latency.toAssessment().p99()),
                Report.format(latency.toAlert().p99()));
        return trial;
    }

    private static Results.Latency latency(Trial trial) {
        long now = System.nanoTime();
        return new Results.Latency(trial.toAssessment(now), trial.toAlert(now));
    }

    private Results.HistoryCost history(Load load, History history) throws Exception {
        int users = plan.historyUsers();
        List<String> hundred = History.usersOverPartitions(prefix("h100-"), users);
        List<String> hundredThousand = History.usersOverPartitions(prefix("h100k-"), users);
        List<String> dense = History.usersOverPartitions(prefix("hmonth-"), users);
        history.seedFarPast(hundred, 100);
        history.seedFarPast(hundredThousand, 100_000);
        history.seedDenseMonth(dense, 2_000);
        progress("history written: %d users each with 100, with 100,000 and with a dense month", users);
        double with100 = drain(load, History.spread(hundred), plan.historyEvents(),
                "history, users with 100 prior sessions");
        double with100k = drain(load, History.spread(hundredThousand), plan.historyEvents(),
                "history, users with 100,000 prior sessions");
        double denseMonth = drain(load, History.current(dense), plan.historyEvents(),
                "history, users with a dense month");
        return new Results.HistoryCost(tenths(with100), tenths(with100k), tenths(denseMonth), users);
    }

    /** {@code events} of the mix posted at once, and the rate at which they were assessed. */
    private double drain(Load load, Mix mix, int events, String what) throws Exception {
        Trial trial = load.backlog(mix, events, plan.settle().multipliedBy(20));
        double rate = trial.assessedPerSecond();
        progress("%s: %d events drained at %s events/s (%d not seen)", what, events, Report.format(rate),
                trial.unassessed());
        return rate;
    }

    /** Each service stopped and started again alone, timed to ready; idle memory a moment later. */
    private Map<String, Results.ServiceFigures> services(LocalStack stack, Probes probes, Map<String, Long> idleBefore)
            throws InterruptedException {
        Map<String, Results.ServiceFigures> figures = new LinkedHashMap<>();
        for (String service : List.of(LocalStack.INTAKE_SERVICE, LocalStack.RISK_SERVICE, LocalStack.NOTIFY_SERVICE)) {
            stack.stopService(service, false);
            long starting = System.nanoTime();
            stack.startService(service);
            long readyMs = (System.nanoTime() - starting) / 1_000_000;
            TimeUnit.SECONDS.sleep(2);
            long idle = probes.memory().getOrDefault(service, 0L);
            figures.put(service, new Results.ServiceFigures(readyMs, idle, probes.peakRssMb(service)));
            progress("%s alone: ready in %d ms, %d MB idle, %d MB at peak load", service, readyMs, idle,
                    probes.peakRssMb(service));
        }
        figures.put("kafka-broker", new Results.ServiceFigures(0, idleBefore.getOrDefault("kafka-broker", 0L),
                probes.peakRssMb("kafka-broker")));
        return figures;
    }

    private String prefix(String part) {
        return "b" + runId + part;
    }

    private double seconds() {
        return tenths((System.nanoTime() - started) / 1e9);
    }

    /** Figures of a noisy machine to a tenth, no false precision in the JSON. */
    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private void progress(String format, Object... arguments) {
        System.out.printf("[%5.0f s] %s%n", (System.nanoTime() - started) / 1e9, format.formatted(arguments));
    }

    private static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return "%d cores, %d GB, %s %s, Java %s".formatted(Runtime.getRuntime().availableProcessors(),
                Math.round(memory / 1e9), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"));
    }
}
