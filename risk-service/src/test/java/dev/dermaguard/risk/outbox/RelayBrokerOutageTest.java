package dev.dermaguard.risk.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
import jakarta.inject.Inject;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.testsupport.LocalInfraTestResource;
import dev.dermaguard.infra.LocalKafka;
import dev.dermaguard.infra.LocalPostgres;
import dev.dermaguard.risk.TestDatabase;
import dev.dermaguard.testsupport.TopicClient;

/**
 * The broker goes away while rows wait in the outbox: however many relay rounds fail, none of the rows is parked
 * (a broker that cannot answer is never a reason), readiness reports the stuck relay, and once the broker is back
 * the rows all go out, in order, and the relay is ready again.
 */
@QuarkusTest
@TestProfile(RelayBrokerOutageTest.OwnBroker.class)
class RelayBrokerOutageTest {

    /** Long enough for failed sends and a failed look at the topics (each bounded at 10 s) to happen. */
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration WITHIN = Duration.ofSeconds(90);

    /** A broker and a database of this class's own, so that stopping the broker disturbs no other test. */
    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnInfrastructure.class));
        }

        /** Well inside the outage, so readiness reports the stuck relay before the broker is back. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dermaguard.outbox.stuck-after", "5s");
        }
    }

    /**
     * A broker and a database of the test's own. The test stops the broker by its process (the broker is a child
     * of this JVM, known by its work folder): the test may run in another class loader than this resource, and an
     * object in the system properties would break Narayana's start.
     */
    public static class OwnInfrastructure implements QuarkusTestResourceLifecycleManager {
        static final Path WORK_DIR = Path.of("target", "relay-outage-" + ProcessHandle.current().pid()).toAbsolutePath();
        private LocalPostgres postgres;
        private LocalKafka kafka;

        @Override
        public Map<String, String> start() {
            postgres = LocalPostgres.start(0, WORK_DIR.resolve("postgres"));
            postgres.createDatabase("dermaguard_risk");
            kafka = LocalKafka.start(0, WORK_DIR.resolve("kafka"), 1, Topics.ALL);
            return Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    "quarkus.datasource.reactive.url", postgres.reactiveUrl("dermaguard_risk"),
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl("dermaguard_risk"),
                    "quarkus.datasource.username", postgres.username());
        }

        @Override
        public void stop() {
            kafka.close();
            postgres.close();
        }

        /** Stops the broker as a shutdown of its host would, and waits until it is gone. */
        static void stopBroker() throws Exception {
            String folder = WORK_DIR.resolve("kafka").toString();
            List<ProcessHandle> brokers = ProcessHandle.current().descendants()
                    .filter(process -> commandLine(process).contains(folder)).toList();
            assertEquals(1, brokers.size(), "the test's broker runs");
            brokers.get(0).destroy();
            brokers.get(0).onExit().get(60, TimeUnit.SECONDS);
        }

        /** In full: ProcessHandle.Info cuts a command line as long as the broker's classpath. */
        private static String commandLine(ProcessHandle process) {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                return ""; // ended meanwhile
            }
        }
    }

    @Inject
    TestDatabase database;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String key = "outage:" + UUID.randomUUID();

    @Test
    void aBrokerOutageParksNothingAndTheRowsGoOutInOrderOnceItIsBack() throws Exception {
        OwnInfrastructure.stopBroker();
        List<String> payloads = List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        OutboxTables.write(database, key, payloads.stream()
                .map(payload -> new OutboxTables.Row(Topics.RISK_ASSESSMENTS, payload)).toList());

        await().during(OUTAGE).atMost(OUTAGE.plus(WITHIN))
                .until(() -> count("outbox_parked") == 0 && count("outbox_message") == payloads.size());
        assertEquals("DOWN", relayReadiness());

        try (LocalKafka back = LocalKafka.start(LocalKafka.portOf(bootstrapServers), OwnInfrastructure.WORK_DIR.resolve("kafka-back"), 1, Topics.ALL);
             TopicClient topics = new TopicClient(bootstrapServers, true)) {
            List<ConsumerRecord<String, String>> published = topics.awaitRecords(Topics.RISK_ASSESSMENTS,
                    r -> r.key().equals(key), payloads.size(), WITHIN);
            assertEquals(payloads, published.stream().map(ConsumerRecord::value).toList());
            assertEquals(0, count("outbox_parked"));
            await().atMost(WITHIN).until(() -> count("outbox_message") == 0);
            await().atMost(WITHIN).until(() -> "UP".equals(relayReadiness()));
        }
    }

    private static String relayReadiness() {
        return given().when().get("/q/health/ready").then().extract().path("checks.find { it.name == 'Outbox relay' }.status");
    }

    private long count(String table) throws SQLException {
        return OutboxTables.count(database, table, key);
    }
}
