package dev.dermaguard.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.infra.LocalStack;
import dev.dermaguard.testsupport.TopicClient;
import dev.dermaguard.testsupport.fuzz.DevKeys;

/**
 * The signals an operator runs the stack by, from the packaged services: one trace from the POST of a session to
 * the alert it raises (intake's HTTP request, risk-service's consumer, the outbox row it writes and its record,
 * notify-service's consumer, the alert record), seen in the three services' logs; and the domain metrics in each
 * service's /q/metrics afterwards.
 */
@ExtendWith(RunningStack.class)
class SignalsEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void oneTraceRunsFromTheSessionToTheAlertAndTheMetricsCountIt() throws Exception {
        String user = "u-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        given().baseUri(RunningStack.stack().intakeUrl()).header("X-API-Key", DevKeys.APP)
                .contentType(ContentType.JSON).body("{}")
                .when().post("/v1/sessions")
                .then().statusCode(400);
        PipelineEndToEndTest.post(user, UUID.randomUUID(), now.minusDays(1), "CHEEKS");
        UUID second = UUID.randomUUID();
        PipelineEndToEndTest.post(user, second, now.minusMinutes(1), "CHEEKS");
        ConsumerRecord<String, String> alert = RunningStack.topics().awaitRecords(Topics.ALERTS,
                r -> r.value().contains(second.toString()), 1, WITHIN).get(0);

        String traceId = await().atMost(WITHIN).until(
                () -> traceOf(LocalStack.INTAKE_SERVICE, "Accepted dermaguard.session.logged.v1 " + second), Optional::isPresent)
                .orElseThrow();
        assertTrue(TopicClient.header(alert, "traceparent").contains(traceId), "the alert record carries the trace");
        await().atMost(WITHIN).untilAsserted(() -> assertAll(
                () -> assertEquals(Optional.of(traceId), traceOf(LocalStack.RISK_SERVICE, "Processed event " + second + " from events")),
                () -> assertEquals(Optional.of(traceId), traceOf(LocalStack.NOTIFY_SERVICE,
                        "Processed event " + assessmentIdIn(alert) + " from assessments"))));

        String intake = metrics(RunningStack.stack().intakeUrl());
        String risk = metrics(RunningStack.stack().riskUrl());
        String notify = metrics(RunningStack.stack().notifyUrl());
        assertAll(
                () -> assertCounted(intake, "dermaguard_intake_events_accepted_total{type=\"dermaguard.session.logged.v1\"}"),
                () -> assertCounted(intake, "dermaguard_intake_events_rejected_total{reason=\"invalid\"}"),
                () -> assertCounted(risk, "dermaguard_risk_risks_total{rule=\"HEALING_GAP\",severity=\"HIGH\"}"),
                () -> assertCounted(notify, "dermaguard_notify_alerts_raised_total{rule=\"HEALING_GAP\",severity=\"HIGH\"}"),
                () -> assertTrue(notify.contains("dermaguard_notify_clinic_deliveries_total "), "deliveries"),
                () -> assertTrue(notify.contains("dermaguard_notify_clinic_streams_open "), "open streams"),
                () -> assertTrue(risk.contains("dermaguard_outbox_backlog ") && notify.contains("dermaguard_outbox_backlog "), "backlog"),
                () -> assertTrue(risk.contains("dermaguard_outbox_parked ") && notify.contains("dermaguard_outbox_parked "), "parked"),
                // Per client at once; per topic and partition (records_lag) once Micrometer's Kafka binder next
                // looks for new client metrics, within a minute.
                () -> assertTrue(risk.contains("kafka_consumer_fetch_manager_records_lag_max{")
                        && notify.contains("kafka_consumer_fetch_manager_records_lag_max{"), "consumer lag"));
    }

    /** The trace id of the service's log line that contains {@code text}. */
    private static Optional<String> traceOf(String service, String text) throws IOException {
        Pattern traceId = Pattern.compile("traceId=([0-9a-f]{32}) ");
        return Files.readAllLines(RunningStack.log(service)).stream().filter(line -> line.contains(text))
                .map(traceId::matcher).filter(Matcher::find).map(found -> found.group(1)).findFirst();
    }

    private static String assessmentIdIn(ConsumerRecord<String, String> alert) {
        Matcher assessment = Pattern.compile("\"assessmentId\":\"([0-9a-f-]{36})\"").matcher(alert.value());
        assertTrue(assessment.find(), "the alert names its assessment");
        return assessment.group(1);
    }

    private static String metrics(String service) {
        return given().baseUri(service).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample's line is there with a count of at least one. */
    private static void assertCounted(String metrics, String sample) {
        List<String> lines = metrics.lines().filter(line -> line.startsWith(sample + " ")).toList();
        assertEquals(1, lines.size(), sample + " in\n" + metrics);
        assertTrue(Double.parseDouble(lines.get(0).substring(sample.length() + 1)) >= 1, sample);
    }
}
