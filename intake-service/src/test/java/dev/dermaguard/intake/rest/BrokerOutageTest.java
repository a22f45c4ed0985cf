package dev.dermaguard.intake.rest;

import static dev.dermaguard.intake.rest.Requests.PROBLEM;
import static dev.dermaguard.intake.rest.Requests.asApp;
import static dev.dermaguard.intake.rest.Requests.session;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.infra.LocalKafka;
import dev.dermaguard.testsupport.TopicClient;

/**
 * The broker goes away and comes back, for real: while it is down a POST answers 503 with Retry-After within the
 * publish timeout, and once it is back the service recovers by itself and a re-post of the same event id is on the
 * topic. At the intake level that is "at least once": the record of the 503'd attempt may land too. "Exactly one
 * stored event" rests on the consumers: risk-service and notify-service write each eventId to their consumed-event
 * log (outbox module, consumed_event) in the transaction of its effect, so a second record with the id does nothing.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.OwnBroker.class)
class BrokerOutageTest {

    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);
    /** Scheduling slack on a busy two-core machine; the bound itself is the publish timeout. */
    static final Duration SLACK = Duration.ofSeconds(2);

    /** A broker of this class's own, so that stopping it disturbs no other test. */
    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dermaguard.intake.publish-timeout", PUBLISH_TIMEOUT.toSeconds() + "s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnKafka.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /**
     * Starts the broker and tells the test its process id through a system property, as a plain string: the test may
     * run in another class loader than this resource, where neither a static field nor the broker's object is the
     * same. Stops whichever broker runs last.
     */
    public static class OwnKafka implements QuarkusTestResourceLifecycleManager {
        static final String RUNNING = "dermaguard.test.outage-broker.pid";
        /** How long a clean shutdown of the broker may take before it is killed. */
        static final Duration STOP_GRACE = Duration.ofSeconds(30);

        @Override
        public Map<String, String> start() {
            LocalKafka kafka = startBroker(0);
            return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
        }

        @Override
        public void stop() {
            if (System.getProperty(RUNNING) != null) {
                stopBroker();
            }
        }

        /** @param port the PLAINTEXT listener's; 0 for any free one (the first start), the same again to restart */
        static LocalKafka startBroker(int port) {
            Path workDir = Path.of("target", "outage-kafka-" + ProcessHandle.current().pid());
            LocalKafka kafka = LocalKafka.start(port, workDir, 1, Topics.ALL);
            System.setProperty(RUNNING, Long.toString(kafka.pid()));
            return kafka;
        }

        /** A clean shutdown, as LocalKafka's own, of the broker started last, whichever class loader started it. */
        static void stopBroker() {
            ProcessHandle.of(Long.parseLong((String) System.getProperties().remove(RUNNING))).ifPresent(broker -> {
                broker.destroy();
                if (broker.onExit().completeOnTimeout(null, STOP_GRACE.toSeconds(), TimeUnit.SECONDS).join() == null) {
                    broker.destroyForcibly();
                    broker.onExit().join();
                }
            });
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String user = "outage-" + UUID.randomUUID();

    @Test
    void whileTheBrokerIsDownPostsAre503WithinTheBoundAndAfterItReturnsARePostIsStored() throws Exception {
        asApp().body(session(UUID.randomUUID(), user)).when().post("/v1/sessions").then().statusCode(202);

        OwnKafka.stopBroker();

        UUID eventId = UUID.randomUUID();
        String body = session(eventId, user);
        long started = System.nanoTime();
        Response unavailable = asApp().body(body).when().post("/v1/sessions");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        unavailable.then().statusCode(503).contentType(PROBLEM).header("Retry-After", equalTo("2"));
        assertTrue(took.compareTo(PUBLISH_TIMEOUT.plus(SLACK)) < 0, "503 after " + took.toMillis() + " ms");

        UUID inBatch = UUID.randomUUID();
        asApp().body("[" + session(inBatch, user) + "]").when().post("/v1/sessions/batch")
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", equalTo("2"))
                .body("results.eventId", everyItem(equalTo(inBatch.toString())))
                .body("results.status", everyItem(equalTo("UNKNOWN")));

        OwnKafka.startBroker(LocalKafka.portOf(bootstrapServers));

        // The app retries with the same event id until it is accepted, as DESIGN.md tells it to.
        long restarted = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                asApp().body(body).when().post("/v1/sessions").statusCode() == 202);
        System.out.printf("outage: 503 after %d ms (bound %d ms), re-post accepted %d ms after the broker was back%n",
                took.toMillis(), PUBLISH_TIMEOUT.toMillis(), Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        try (TopicClient topics = new TopicClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> stored = topics.read(Topics.EVENTS,
                    r -> eventId.toString().equals(TopicClient.header(r, CloudEventHeaders.ID)));
            assertFalse(stored.isEmpty(), "the re-posted event is on the topic");
            stored.forEach(r -> assertEquals("demo-app:" + user, r.key()));
        }
        // And the service is healthy again for new events, not only for the one it retried.
        asApp().body(session(UUID.randomUUID(), user)).when().post("/v1/sessions").then().statusCode(202);
    }
}
