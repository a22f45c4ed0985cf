package dev.dermaguard.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.infra.LocalPostgres;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/**
 * The PostgreSQL of risk-service and notify-service stops for a minute and starts again on the same port with the
 * same data while sessions keep arriving: nothing is dead-lettered, every session is assessed exactly once (read
 * committed, as notify-service reads), readiness is DOWN while the database is away (risk-service naming its
 * stalled channel) and UP again afterwards, and liveness stays UP throughout. Leaves the stack as it found it.
 */
@ExtendWith(RunningStack.class)
class DatabaseRestartEndToEndTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration WITHIN = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 10;
    /** Each poll reads whole topics. */
    private static final Duration READ_EVERY = Duration.ofSeconds(1);

    private final String run = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> users = IntStream.range(0, USERS).mapToObj(i -> run + "-u" + i).toList();
    private final OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusDays(25);
    private final ConcurrentLinkedQueue<UUID> posted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void aDatabaseRestartWhileEventsFlowLosesNothingDoublesNothingAndDeadLettersNothing() throws Exception {
        String risk = RunningStack.stack().riskUrl();
        String notify = RunningStack.stack().notifyUrl();
        LocalPostgres postgres = RunningStack.stack().postgres();
        ScheduledExecutorService app = Executors.newSingleThreadScheduledExecutor();
        try {
            app.scheduleWithFixedDelay(this::postNext, 0, 150, TimeUnit.MILLISECONDS);
            // Mid-stream: some sessions are assessed already.
            await().atMost(WITHIN).pollInterval(READ_EVERY).until(() -> assessments().size() >= 10);

            postgres.stop();
            await().atMost(WITHIN).until(() -> {
                Response ready = health(risk, "ready");
                return ready.statusCode() == 503 && ready.jsonPath().getString(
                        "checks.find { it.name == 'Kafka consumers processing' }.data.events") != null;
            });
            assertEquals(503, health(notify, "ready").statusCode(), "notify-service not ready without its database");
            // The outage lasts a minute; liveness holds all along, so no orchestrator would restart anything.
            await().during(OUTAGE).atMost(OUTAGE.plusSeconds(30))
                    .until(() -> health(risk, "live").statusCode() == 200 && health(notify, "live").statusCode() == 200);
            postgres.startAgain();

            await().atMost(WITHIN).until(() -> health(risk, "ready").statusCode() == 200
                    && health(notify, "ready").statusCode() == 200);
            int afterRecovery = sent.get();
            await().atMost(WITHIN).until(() -> sent.get() >= afterRecovery + 20);
        } finally {
            app.shutdown();
            app.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), List.copyOf(refused), "intake accepted every session");

        Set<String> expected = posted.stream().map(UUID::toString).collect(Collectors.toSet());
        await().atMost(WITHIN).pollInterval(READ_EVERY).until(() -> assessments().keySet().containsAll(expected));
        Map<String, Long> perSession = assessments();
        assertEquals(expected, perSession.keySet(), "an assessment for every session posted, and only for those");
        perSession.forEach((session, count) -> assertEquals(1L, count, "assessments of session " + session));
        assertTrue(expected.size() > 100, "events flowed before, during and after: " + expected.size());

        assertEquals(List.of(), ours(Topics.EVENTS + Topics.DLQ_SUFFIX), "nothing dead-lettered on microneedling.events");
        assertEquals(List.of(), ours(Topics.RISK_ASSESSMENTS + Topics.DLQ_SUFFIX),
                "nothing dead-lettered on microneedling.risk-assessments");
    }

    /** One session of the next user, an hour after the previous one: every session is assessed. */
    private void postNext() {
        int n = sent.getAndIncrement();
        UUID eventId = UUID.randomUUID();
        int status;
        try {
            status = given().baseUri(RunningStack.stack().intakeUrl())
                    .header("X-API-Key", DevKeys.APP)
                    .contentType(ContentType.JSON)
                    .body("""
                            {"eventId":"%s","userId":"%s","performedAt":"%s","area":"CHEEKS","needleDepthMm":0.5,"device":"ROLLER"}
                            """.formatted(eventId, users.get(n % USERS), start.plusMinutes(30L * n)))
                    .when().post("/v1/sessions").statusCode();
        } catch (RuntimeException e) {
            // An unexpected failure: counted as refused (the scheduler would drop the task silently otherwise).
            status = -1;
        }
        if (status == 202) {
            posted.add(eventId);
        } else {
            refused.add(status);
        }
    }

    /** This run's assessments on the topic, counted per session (sourceEventId). */
    private Map<String, Long> assessments() {
        return RunningStack.topics().read(Topics.RISK_ASSESSMENTS, this::isOurs).stream()
                .map(DatabaseRestartEndToEndTest::sourceEventId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private List<String> ours(String topic) {
        return RunningStack.topics().read(topic, this::isOurs).stream().map(ConsumerRecord::key).toList();
    }

    private boolean isOurs(ConsumerRecord<String, String> record) {
        return record.key() != null && record.key().startsWith("demo-app:" + run + "-");
    }

    private static Response health(String service, String kind) {
        return given().baseUri(service).when().get("/q/health/" + kind);
    }

    private static String sourceEventId(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("sourceEventId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
