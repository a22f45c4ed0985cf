package dev.dermaguard.faults;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;

import dev.dermaguard.infra.Http11;
import dev.dermaguard.infra.LocalStack;

/**
 * Runs each scenario the same way: its stream starts, the fault is injected and mended while the stream flows,
 * the stream goes on a while and stops, the consumers drain, and the topics are counted against the plan.
 */
final class Harness {

    /** How long each phase lasts. */
    record Timing(Duration warmUp, Duration tail, Duration drain) {
    }

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private final Fault.Context context;
    private final Timing timing;
    private final int rate;
    private final String runPrefix;
    private final HttpClient http = Http11.builder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Scenarios may run side by side. */
    private final List<Ledger.Plan> plans = new CopyOnWriteArrayList<>();
    private final NotifyApi notify;

    Harness(Fault.Context context, Timing timing, int rate, String runPrefix) {
        this.context = context;
        this.timing = timing;
        this.rate = rate;
        this.runPrefix = runPrefix;
        this.notify = new NotifyApi(context.stack().notifyUrl());
    }

    Tally run(int index, Scenario scenario) throws Exception {
        Cluster cluster = context.cluster();
        LocalStack stack = context.stack();
        String users = runPrefix + index + "-";
        Stream stream = new Stream(stack.intakeUrl(), stack.notifyUrl(),
                new Stream.Settings(users, rate, scenario.apps(), scenario.copies(), scenario.consenting()), http);
        Progress progress = new Progress(scenario.name(), stream);
        try {
            stream.start();
            progress.phase("stream");
            Thread.sleep(timing.warmUp().toMillis());
            progress.phase("fault");
            Fault.Injected injected = scenario.fault().inject(context.forUsers(users));
            long faultEnded = System.nanoTime();
            Map<Cluster.Group, Map<TopicPartition, Long>> backlog = new HashMap<>();
            for (Cluster.Group group : Cluster.GROUPS) {
                backlog.put(group, cluster.ends(group.topic()));
            }
            progress.phase("mended");
            Duration probing = timing.tail().plus(timing.drain()).plus(timing.drain());
            CompletableFuture<Double> caughtUp = CompletableFuture.supplyAsync(() -> caughtUp(backlog, faultEnded, probing));
            Thread.sleep(timing.tail().toMillis());
            progress.phase("stopping");
            if (!stream.stop(timing.drain())) {
                progress.say(stream.unfinished() + " users' events still not accepted");
            }
            progress.phase("draining");
            double recovery = caughtUp.join();
            if (!drained(timing.drain())) {
                progress.say("consumers still behind the end of their topics " + timing.drain().toSeconds() + " s after the stream stopped");
                recovery = Double.POSITIVE_INFINITY;
            }
            progress.phase("counting");
            Ledger.Plan plan = stream.plan(injected.poison());
            plans.add(plan);
            Ledger.Plan counted = scenario.wholeRun() ? Ledger.Plan.union(plans) : plan;
            String countedUsers = scenario.wholeRun() ? runPrefix : users;
            Tally tally = settled(scenario.name(), counted, countedUsers, scenario.consenting(), recovery);
            tally = tally.with(injected);
            progress.done(tally);
            return tally;
        } finally {
            progress.close();
        }
    }

    /**
     * Seconds from the fault's end until each consumer group has consumed what its topic held then; infinite when
     * that did not happen within {@code within}.
     */
    private double caughtUp(Map<Cluster.Group, Map<TopicPartition, Long>> backlog, long faultEnded, Duration within) {
        long deadline = faultEnded + within.toNanos();
        Map<Cluster.Group, Double> caughtUp = new HashMap<>();
        try {
            while (caughtUp.size() < backlog.size() && System.nanoTime() < deadline) {
                for (var group : backlog.entrySet()) {
                    if (!caughtUp.containsKey(group.getKey())
                            && context.cluster().reached(group.getKey(), group.getValue())) {
                        double seconds = (System.nanoTime() - faultEnded) / 1e9;
                        caughtUp.put(group.getKey(), seconds);
                        System.out.printf("  %s caught up %.1f s after the fault%n", group.getKey().id(), seconds);
                    }
                }
                Thread.sleep(PROBE_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.POSITIVE_INFINITY;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the consumer groups' offsets", e);
        }
        return caughtUp.size() < backlog.size() ? Double.POSITIVE_INFINITY
                : Math.round(caughtUp.values().stream().mapToDouble(d -> d).max().orElse(0) * 10) / 10.0;
    }

    /** With the stream stopped, whether every group reaches the end of its topic within the time. */
    private boolean drained(Duration within) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (Cluster.Group group : Cluster.GROUPS) {
            while (!context.cluster().reached(group, context.cluster().ends(group.topic()))) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(PROBE_INTERVAL.toMillis());
            }
        }
        return true;
    }

    /**
     * Counts once the relays have published what the drained consumers wrote to their outboxes: until every
     * accepted event is assessed and every expected alert is out, or the drain time has passed. A clinic's
     * deliveries are written with the alert, so they are complete once the alert is out.
     */
    private Tally settled(String name, Ledger.Plan plan, String users, boolean consenting, double recovery)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timing.drain().toNanos();
        Tally tally = count(name, plan, users, consenting, recovery);
        while ((tally.assessed() < tally.accepted() || tally.alertsEmitted() < tally.alertsExpected())
                && System.nanoTime() < deadline) {
            Thread.sleep(PROBE_INTERVAL.toMillis());
            tally = count(name, plan, users, consenting, recovery);
        }
        // A relay that would send a record twice sends it at once: count again a moment later.
        Thread.sleep(Duration.ofSeconds(2).toMillis());
        return count(name, plan, users, consenting, recovery);
    }

    private Tally count(String name, Ledger.Plan plan, String users, boolean consenting, double recovery)
            throws IOException, InterruptedException {
        Ledger.Observed observed = context.cluster().observe(users);
        if (consenting) {
            observed = observed.withClinic(notify.deliveredToClinic(users),
                    context.cluster().clinicAlerts(users));
        }
        return Ledger.count(name, plan, observed, recovery);
    }

    /** Prints the scenario, its phase and the stream's counts every few seconds. */
    private static final class Progress implements AutoCloseable {

        private final String scenario;
        private final Stream stream;
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final long started = System.nanoTime();
        private volatile String phase = "starting";

        Progress(String scenario, Stream stream) {
            this.scenario = scenario;
            this.stream = stream;
            ticker.scheduleAtFixedRate(this::print, 5, 5, TimeUnit.SECONDS);
        }

        void phase(String next) {
            phase = next;
            print();
        }

        void say(String text) {
            System.out.printf("[%s] %s%n", scenario, text);
        }

        void done(Tally tally) {
            List<String> misses = tally.misses();
            say("done: accepted %d, assessed %d, alerts %d/%d, lost %d, duplicated %d, dead-lettered %d/%d, recovery %s s%s"
                    .formatted(tally.accepted(), tally.assessed(), tally.alertsEmitted(), tally.alertsExpected(),
                            tally.lost(), tally.duplicated(), tally.deadLettered(), tally.poisonInjected(),
                            tally.recoverySeconds(), misses.isEmpty() ? ", ok" : ", MISSED: " + misses));
        }

        private void print() {
            System.out.printf("[%s] %5.1f s %-9s sent %d, accepted %d, users pending %d%n", scenario,
                    (System.nanoTime() - started) / 1e9, phase, stream.sent(), stream.acceptedCount(),
                    stream.unfinished());
        }

        @Override
        public void close() {
            ticker.shutdownNow();
        }
    }
}
