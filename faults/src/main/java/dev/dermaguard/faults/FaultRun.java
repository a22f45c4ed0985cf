package dev.dermaguard.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.dermaguard.infra.LocalStack;

/**
 * faults/run.sh: starts the stack on free ports, runs every scenario under a stream of events, writes
 * faults/results/latest.json and latest.md, and exits 1 when any scenario broke a guarantee (lost, doubled,
 * missed or invented an alert, dead-lettered anything but the poison, answered 5xx): 2 on bad arguments. A slow
 * recovery is reported, never a failure: the harness measures times, it does not assert them.
 */
public final class FaultRun {

    private record Options(Path root, boolean quick, int rate, List<String> only) {

        boolean selects(Scenario scenario) {
            return only.isEmpty() || only.stream().anyMatch(scenario.name()::contains);
        }
    }

    private FaultRun() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    private static boolean run(Options options) throws Exception {
        long started = System.nanoTime();
        Path workDir = Files.createTempDirectory("dermaguard-faults-");
        List<Tally> tallies = new ArrayList<>();
        long strayDeadLetters;
        // Ctrl-C or a CI timeout must not leave a broker, a database or a service behind.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "faults-stop"));
        LocalStack.Options stackOptions = LocalStack.Options.freePorts(options.root(), workDir);
        if (options.quick()) {
            // Eight service starts beside the stream made up most of a quick run: 25 to 56 s each for notify-service.
            stackOptions = stackOptions.withServiceJvmOptions(LocalStack.Options.QUICK_STARTS);
        }
        try (LocalStack stack = LocalStack.start(stackOptions);
             Cluster cluster = new Cluster(stack.bootstrapServers())) {
            System.out.printf("stack ready in %.0f s; logs in %s%n", (System.nanoTime() - started) / 1e9, workDir);
            Fault.Context context = new Fault.Context(stack, cluster, options.quick(),
                    Duration.ofSeconds(options.quick() ? 4 : 30), options.quick() ? 1500 : 10_500, "");
            Harness.Timing timing = options.quick()
                    ? new Harness.Timing(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60))
                    : new Harness.Timing(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(90));
            String runPrefix = "f" + UUID.randomUUID().toString().substring(0, 6) + "-";
            Harness harness = new Harness(context, timing, options.rate(), runPrefix);
            List<Scenario> scenarios = scenarios(options.quick()).stream().filter(options::selects).toList();
            for (int first = 0; first < scenarios.size(); ) {
                int end = first + 1;
                while (options.quick() && end < scenarios.size() && scenarios.get(first).alongside()
                        && scenarios.get(end).alongside()) {
                    end++;
                }
                tallies.addAll(sideBySide(harness, scenarios, first, end));
                first = end;
            }
            // Each scenario counts the dead letters of its users: none may belong to no scenario.
            strayDeadLetters = cluster.deadLettered() - cluster.deadLettered(runPrefix);
        } finally {
            keepLogsOfMisses(workDir, tallies);
        }
        Path results = options.root().resolve("faults/results");
        String mode = options.quick() ? "quick" : "full";
        System.out.print(Report.table(mode, options.rate(), tallies));
        if (options.only().isEmpty()) {
            Report.write(results, mode, options.rate(), tallies);
            System.out.printf("%s run in %.0f s; written to %s%n", mode, (System.nanoTime() - started) / 1e9, results);
        } else {
            // A selection is for diagnosis: the results on record stay those of a whole run.
            System.out.printf("%s run of a selection in %.0f s; results not written%n", mode,
                    (System.nanoTime() - started) / 1e9);
        }
        if (strayDeadLetters > 0) {
            System.out.println(strayDeadLetters + " records dead-lettered that belong to no scenario");
        }
        return strayDeadLetters == 0 && tallies.stream().allMatch(tally -> tally.failures().isEmpty());
    }

    /** Scenarios {@code from} (inclusive) to {@code to} at once, each with its own stream and users. */
    private static List<Tally> sideBySide(Harness harness, List<Scenario> scenarios, int from, int to)
            throws Exception {
        List<CompletableFuture<Tally>> running = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int index = i;
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return harness.run(index, scenarios.get(index));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, runnable -> new Thread(runnable, "scenario-" + index).start()));
        }
        List<Tally> tallies = new ArrayList<>();
        for (CompletableFuture<Tally> scenario : running) {
            try {
                tallies.add(scenario.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return tallies;
    }

    /**
     * The replay first: it re-reads everything the topics hold, so it comes while they hold one scenario's stream,
     * not the whole run's. Then crashes, since they are what the guarantees are most often broken by. A quick run
     * stops gracefully only risk-service, the one with both a consumer and a relay: each restart costs seconds.
     * A quick run runs poison, duplicates and hostile load side by side: none stops anything another needs, and
     * each counts its own users. Not the deleted clinic topic: its users' sessions wait until their consents are
     * applied, and beside the others' load (the duplicates alone post ten copies) that took tens of seconds, so the
     * first alert that could park came late. A full run runs them one by one: side by side, at its rate, they offered
     * four times the load and measured that.
     */
    static List<Scenario> scenarios(boolean quick) {
        List<String> services = List.of(LocalStack.INTAKE_SERVICE, LocalStack.RISK_SERVICE, LocalStack.NOTIFY_SERVICE);
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("replay from the start", Faults.replay(), List.of(Stream.DEMO_APP), 1, false, true,
                false));
        services.forEach(service -> scenarios.add(Scenario.of("kill -9 " + service, Faults.restart(service, true))));
        (quick ? List.of(LocalStack.RISK_SERVICE) : services).forEach(service ->
                scenarios.add(Scenario.of("SIGTERM " + service, Faults.restart(service, false))));
        scenarios.add(Scenario.of("Kafka stopped", Faults.brokerDown()));
        scenarios.add(Scenario.of("PostgreSQL stopped", Faults.postgresDown()));
        scenarios.add(Scenario.of("PostgreSQL kill -9", Faults.postgresKilled()));
        scenarios.add(new Scenario("clinic topic deleted", Faults.clinicTopicDeleted(), List.of(Stream.DEMO_APP), 1,
                true, false, false));
        scenarios.add(Scenario.of("poison records", Faults.poison()).besideOthers());
        scenarios.add(new Scenario("duplicates (x5, two apps, colliding ids)", Fault.NONE,
                List.of(Stream.DEMO_APP, Stream.OTHER_APP), 5, false, false, true));
        scenarios.add(Scenario.of("hostile load", Faults.hostile()).besideOthers());
        scenarios.add(Scenario.of("rebalance (instances join, one killed)", Faults.rebalance()));
        return scenarios;
    }

    private static Options parse(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        boolean quick = false;
        int rate = 300;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--rate" -> rate = positive(i + 1 < args.length ? args[++i] : "");
                case "--only" -> only.add(i + 1 < args.length ? args[++i] : "");
                case "--root" -> root = Path.of(i + 1 < args.length ? args[++i] : "").toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("usage: faults/run.sh [--quick] [--rate EVENTS_PER_SECOND] [--only NAME_PART]...");
            }
        }
        return new Options(root, quick, rate, List.copyOf(only));
    }

    private static int positive(String value) {
        try {
            int rate = Integer.parseInt(value);
            if (rate > 0) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--rate takes a whole number of events per second above 0, not '" + value + "'");
    }

    /** The services' and the broker's logs are what explains a miss: kept then, deleted otherwise. */
    private static void keepLogsOfMisses(Path workDir, List<Tally> tallies) throws IOException {
        if (tallies.stream().allMatch(tally -> tally.misses().isEmpty())) {
            delete(workDir);
        } else {
            System.out.println("a scenario missed a target: logs kept in " + workDir);
        }
    }

    private static void delete(Path workDir) throws IOException {
        try (var files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
