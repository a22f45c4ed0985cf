package dev.dermaguard.faults;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Headers;

import dev.dermaguard.common.Topics;
import dev.dermaguard.common.events.EventTypes;
import dev.dermaguard.common.kafka.CloudEventHeaders;
import dev.dermaguard.infra.LocalStack;
import dev.dermaguard.testsupport.fuzz.EventRequests;
import dev.dermaguard.testsupport.fuzz.Fuzzer;
import dev.dermaguard.testsupport.fuzz.HostileRequest;
import dev.dermaguard.testsupport.fuzz.ReadRequests;

/** The faults the harness injects, each while the stream flows. */
final class Faults {

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
        return context -> {
            context.stack().postgres().stop();
            Thread.sleep(context.outage().toMillis());
            context.stack().postgres().startAgain();
            return Fault.Injected.NOTHING;
        };
    }

    /**
     * On each input topic: malformed JSON, an unknown ce_type, no ce_type, and a payload that fails validation.
     * Each must go to the topic's dead-letter topic, and nothing else may.
     */
    static Fault poison() {
        return context -> {
            String session = """
                    {"eventId":"%s","appId":"poison-app","userId":"poison-user","performedAt":"2026-11-01T10:00:00Z",\
                    "area":"CHEEKS","needleDepthMm":-3,"device":"ROLLER"}""".formatted(UUID.randomUUID());
            String assessment = """
                    {"assessmentId":"%s","appId":"poison-app","userId":"poison-user","risks":"none"}"""
                    .formatted(UUID.randomUUID());
            long written = 0;
            for (String topic : List.of(Topics.EVENTS, Topics.RISK_ASSESSMENTS)) {
                String type = topic.equals(Topics.EVENTS) ? EventTypes.SESSION_LOGGED : EventTypes.RISK_ASSESSED;
                String invalid = topic.equals(Topics.EVENTS) ? session : assessment;
                written += write(context, topic, "{\"eventId\": \"not-closed", type);
                written += write(context, topic, "{\"eventId\":\"" + UUID.randomUUID() + "\"}", "dermaguard.unknown.v9");
                written += write(context, topic, invalid, null);
                written += write(context, topic, invalid, type);
            }
            return new Fault.Injected(written, null, null);
        };
    }

    private static long write(Fault.Context context, String topic, String value, String type) {
        Headers headers = CloudEventHeaders.of(UUID.randomUUID(), type == null ? "x" : type,
                CloudEventHeaders.appSource("poison-app"), Instant.now());
        if (type == null) {
            headers.remove(CloudEventHeaders.TYPE);
        }
        context.cluster().client().send(topic, "poison-app:poison-user", value, headers);
        return 1;
    }

    private record Reader(String service, Cluster.Group group) {
    }

    /** Consumer groups moved back to the start of their topics, one service at a time: a replay of everything. */
    static Fault replay() {
        return context -> {
            for (Reader reader : List.of(new Reader(LocalStack.RISK_SERVICE, Cluster.RISK),
                    new Reader(LocalStack.NOTIFY_SERVICE, Cluster.NOTIFY))) {
                context.stack().stopService(reader.service(), false);
                context.cluster().rewind(reader.group());
                context.stack().startService(reader.service());
            }
            return Fault.Injected.NOTHING;
        };
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
            return new Fault.Injected(0, serverErrors, effects);
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
