package dev.dermaguard.faults;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.Headers;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.infra.Infrastructure;
import dev.dermaguard.infra.LocalStack;
import dev.dermaguard.testsupport.fuzz.EventRequests;
import dev.dermaguard.testsupport.fuzz.Fuzzer;
import dev.dermaguard.testsupport.fuzz.HostileRequest;
import dev.dermaguard.testsupport.fuzz.ReadRequests;

/** The faults the harness injects, each while the stream flows. */
final class Faults {

    /** How long a deleted topic may take to park a record: the relay's delivery timeout and a round or two. */
    private static final Duration UNSENDABLE_WITHIN = Duration.ofSeconds(60);
    /** How long the deleted topic waits for the clinic's next delivery, the one that must park. */
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(120);

    /** The app poison records claim to come from. */
    static final String POISON_APP = "poison-app";

    private Faults() {
    }

    /** The service ended (SIGKILL as a crash, or SIGTERM), then started again; over once it is ready. */
    static Fault restart(String service, boolean kill) {
        return context -> {
            context.stack().stopService(service, kill);
            context.stack().startService(service);
            return Fault.Injected.NOTHING;
        };
    }

    /** PostgreSQL stopped for the outage, then started again on the same port and data. */
    static Fault postgresDown() {
        return context -> down(() -> context.stack().postgres().stop(), context.outage(),
                () -> context.stack().postgres().startAgain());
    }

    /** The broker stopped cleanly for the outage, then started again on the same data, users and ACLs. */
    static Fault brokerDown() {
        return context -> down(() -> context.stack().kafka().stop(), context.outage(),
                () -> context.stack().kafka().startAgain());
    }

    /** PostgreSQL killed with SIGKILL (postmaster and backends), down a while, then started: crash recovery. */
    static Fault postgresKilled() {
        return context -> down(() -> context.stack().postgres().kill(), context.outage().dividedBy(2),
                () -> context.stack().postgres().startAgain());
    }

    /** A step of a fault that may fail as the stack's own calls do. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Something ended, gone for the outage (the fault itself, not a wait for async work), then started again. */
    private static Fault.Injected down(Step end, Duration outage, Step start) throws Exception {
        end.run();
        Thread.sleep(outage.toMillis());
        start.run();
        return Fault.Injected.NOTHING;
    }

    /**
     * Scaling out and back: a second risk-service and notify-service join the consumer groups mid-stream (each
     * join a rebalance), then the second risk-service is killed (its partitions move once its session times out)
     * and the second notify-service stops cleanly (they move at once).
     */
    static Fault rebalance() {
        return context -> {
            CompletableFuture<String> risk = CompletableFuture.supplyAsync(
                    () -> context.stack().startInstance(LocalStack.RISK_SERVICE));
            CompletableFuture<String> notify = CompletableFuture.supplyAsync(
                    () -> context.stack().startInstance(LocalStack.NOTIFY_SERVICE));
            String secondRisk = risk.join();
            String secondNotify = notify.join();
            Thread.sleep(context.outage().toMillis());
            context.stack().stopService(secondRisk, true);
            context.stack().stopService(secondNotify, false);
            return Fault.Injected.NOTHING;
        };
    }

    /**
     * The clinic's alert topic deleted mid-stream while its users consent: the alerts for it are parked, every
     * other alert keeps flowing. Then the operator's remedy: the topic created again (its onboarding), every parked
     * row retried through notify-service's operator API; none may be parked again.
     */
    static Fault clinicTopicDeleted() {
        return context -> {
            String topic = Topics.clinicAlerts(Stream.CLINIC);
            Admin admin = context.cluster().admin();
            NotifyApi operator = new NotifyApi(context.stack().notifyUrl());
            long lastCursor = operator.newestClinicCursor();
            admin.deleteTopics(List.of(topic)).all().get();
            // Gone for longer than the relay's delivery timeout: within it a topic that comes back is a passing fault.
            Thread.sleep(context.outage().toMillis());
            // Nothing can park before an alert is delivered to the clinic while its topic is gone: under load, the
            // consenting users' alerts may come late.
            operator.awaitClinicDeliveryAfter(lastCursor, DELIVERED_WITHIN);
            operator.awaitParked(UNSENDABLE_WITHIN);
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(Infrastructure.PARTITIONS), Optional.empty())))
                    .all().get();
            // As an operator would: retry what is parked until a look finds nothing new. Rows already in the
            // relay's hands when the topic came back may be parked a moment after the first look; a row parked again
            // after its own retry is never retried twice and stays a miss.
            Set<Long> retried = new HashSet<>();
            List<Long> parked = operator.parkedIds();
            long deadline = System.nanoTime() + UNSENDABLE_WITHIN.toNanos();
            while (!retried.containsAll(parked) && System.nanoTime() < deadline) {
                for (long id : parked) {
                    if (retried.add(id)) {
                        operator.retry(id);
                    }
                }
                parked = operator.parkedAfterRetry(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
            return Fault.Injected.parked(retried.size(), parked.size());
        };
    }

    /**
     * On each input topic: malformed JSON, an unknown ce_type, no ce_type, and a payload that fails validation.
     * Each must go to the topic's dead-letter topic, and nothing else may.
     */
    static Fault poison() {
        return context -> {
            String session = """
                    {"eventId":"%s","appId":"poison-app","userId":"%spoison","performedAt":"2026-11-01T10:00:00Z",\
                    "area":"CHEEKS","needleDepthMm":-3,"device":"ROLLER"}""".formatted(UUID.randomUUID(), context.users());
            String assessment = """
                    {"assessmentId":"%s","appId":"poison-app","userId":"%spoison","risks":"none"}"""
                    .formatted(UUID.randomUUID(), context.users());
            long written = 0;
            for (String topic : List.of(Topics.EVENTS, Topics.RISK_ASSESSMENTS)) {
                String type = topic.equals(Topics.EVENTS) ? EventTypes.SESSION_LOGGED : EventTypes.RISK_ASSESSED;
                String invalid = topic.equals(Topics.EVENTS) ? session : assessment;
                written += write(context, topic, "{\"eventId\": \"not-closed", type);
                written += write(context, topic, "{\"eventId\":\"" + UUID.randomUUID() + "\"}", "dermaguard.unknown.v9");
                written += write(context, topic, invalid, null);
                written += write(context, topic, invalid, type);
            }
            return Fault.Injected.poison(written);
        };
    }

    private static long write(Fault.Context context, String topic, String value, String type) {
        Headers headers = CloudEventHeaders.of(UUID.randomUUID(), type == null ? "x" : type,
                CloudEventHeaders.appSource(POISON_APP), Instant.now());
        if (type == null) {
            headers.remove(CloudEventHeaders.TYPE);
        }
        // Keyed as the stream's records are, with the scenario's users: dead letters are counted by scenario.
        context.cluster().client().send(topic, POISON_APP + ":" + context.users() + "poison", value, headers);
        return 1;
    }

    /**
     * Every consumer group moved back to the start of its topic: a replay of everything. Both consumers stop at once
     * (no member may run while a group is moved), are rewound, and start at once.
     */
    static Fault replay() {
        return context -> {
            List<String> readers = List.of(LocalStack.RISK_SERVICE, LocalStack.NOTIFY_SERVICE);
            all(readers, service -> context.stack().stopService(service, false));
            for (Cluster.Group group : Cluster.GROUPS) {
                context.cluster().rewind(group);
            }
            all(readers, service -> context.stack().startService(service));
            return Fault.Injected.NOTHING;
        };
    }

    private static void all(List<String> services, Consumer<String> action) {
        CompletableFuture.allOf(services.stream().map(service -> CompletableFuture.runAsync(() -> action.accept(service)))
                .toArray(CompletableFuture[]::new)).join();
    }

    /**
     * The tests' hostile request generators against the three live services at once: every answer below 500, and
     * none of intake's (all invalid) may put an event on the topic.
     */
    static Fault hostile() {
        return context -> {
            int each = context.hostileRequests() / 3;
            long seed = Fuzzer.seed(System.currentTimeMillis());
            EventRequests events = new EventRequests(seed);
            ReadRequests risk = new ReadRequests(seed, ReadRequests.RISK);
            ReadRequests notify = new ReadRequests(seed, ReadRequests.NOTIFY);
            List<CompletableFuture<Fuzzer.Result>> runs = List.of(
                    fuzz(new Fuzzer(URI.create(context.stack().intakeUrl()), true), "intake", seed, each, events::next),
                    fuzz(new Fuzzer(URI.create(context.stack().riskUrl()), false), "risk", seed, each, risk::next),
                    fuzz(new Fuzzer(URI.create(context.stack().notifyUrl()), false), "notify", seed, each, notify::next));
            long serverErrors = runs.stream().mapToLong(run -> run.join().serverErrors()).sum();
            runs.forEach(run -> run.join().failures().stream().limit(3).forEach(f -> System.out.println("  " + f)));
            long effects = context.cluster().count(Topics.EVENTS, ":" + events.userPrefix());
            return Fault.Injected.hostile(serverErrors, effects);
        };
    }

    private static CompletableFuture<Fuzzer.Result> fuzz(Fuzzer fuzzer, String name, long seed, int requests,
            Supplier<HostileRequest> next) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return fuzzer.run(name, seed, requests, n -> next.get());
            } catch (Exception e) {
                throw new IllegalStateException("fuzzing " + name + " failed", e);
            }
        });
    }
}
