package dev.dermaguard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The three service images end to end, run by Testcontainers with the broker and database images compose names
 * and compose's own environment (docker-compose.yml with deploy/compose/development.env), on a network of their
 * own: a consent, two sessions a day apart, and the alert they raise, read from notify-service; then the images'
 * readiness and metrics on their management port, and /q/metrics refused on their HTTP port. Needs a Docker
 * engine and the images ({@code docker-compose build}, and deploy/ci/standin-images.sh where no registry is
 * reachable); runs with {@code -Ddermaguard.containers=true} (deploy/ci/containers-test.sh), so that
 * {@code mvn verify} stays free of Docker. Without an engine it is skipped, saying so.
 */
@EnabledIfSystemProperty(named = "dermaguard.containers", matches = "true",
        disabledReason = "container end-to-end run only with -Ddermaguard.containers=true (deploy/ci/containers-test.sh)")
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest {

    private static final ComposeFile COMPOSE = ComposeFile.read();
    private static final Map<String, String> VARIABLES = ComposeFile.developmentEnv();
    private static final Network NETWORK = Network.newNetwork();
    private static final Duration START = Duration.ofMinutes(4);

    @Container
    static final GenericContainer<?> POSTGRES = new GenericContainer<>(COMPOSE.image("postgres"))
            .withNetwork(NETWORK).withNetworkAliases("postgres")
            .withEnv(COMPOSE.environment("postgres", VARIABLES))
            .withCopyFileToContainer(MountableFile.forHostPath(
                    Repository.ROOT.resolve("deploy/compose/init-databases.sh"), 0755),
                    "/docker-entrypoint-initdb.d/init-databases.sh")
            // Once for the initialising server, once for the real one.
            .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2)
                    .withStartupTimeout(START));

    @Container
    static final GenericContainer<?> KAFKA = new GenericContainer<>(COMPOSE.image("kafka"))
            .withNetwork(NETWORK).withNetworkAliases("kafka")
            .withEnv(COMPOSE.environment("kafka", VARIABLES))
            .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1).withStartupTimeout(START));

    @Test
    void aSessionTwiceInADayBecomesAnAlertThroughTheServiceImages() throws Exception {
        provisionKafka();
        try (var intake = service("intake-service"); var risk = service("risk-service", POSTGRES);
                var notify = service("notify-service", POSTGRES)) {
            intake.start();
            risk.start();
            notify.start();
            String user = "tc-" + UUID.randomUUID().toString().substring(0, 8);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            post(intake, "/v1/consents", """
                    {"eventId":"%s","userId":"%s","clinicId":"demo-clinic","granted":true,"changedAt":"%s"}"""
                    .formatted(UUID.randomUUID(), user, now.minus(Duration.ofDays(2))));
            for (Duration ago : new Duration[] {Duration.ofHours(25), Duration.ofHours(1)}) {
                post(intake, "/v1/sessions", """
                        {"eventId":"%s","userId":"%s","performedAt":"%s","area":"CHEEKS","needleDepthMm":0.5,"device":"ROLLER"}"""
                        .formatted(UUID.randomUUID(), user, now.minus(ago)));
            }
            Awaitility.await("the alert, through risk-service and notify-service").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> get(notify, "/v1/users/" + user + "/alerts").contains("HEALING_GAP"));
            // The images serve /q/metrics on the management interface only (DESIGN.md: for operators).
            assertTrue(metrics(notify).contains("dermaguard_notify_alerts_raised_total{"), "notify's metrics");
            for (var service : List.of(intake, risk, notify)) {
                HttpResponse<String> open = HTTP.send(HttpRequest.newBuilder(uri(service, "/q/metrics")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(401, open.statusCode(), "/q/metrics on the HTTP port: " + open.body());
            }
        }
    }

    private static String metrics(GenericContainer<?> service) throws Exception {
        URI uri = URI.create("http://" + service.getHost() + ":" + service.getMappedPort(managementPort(service))
                + "/q/metrics");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri.toString());
        return response.body();
    }

    private static int managementPort(GenericContainer<?> service) {
        return Integer.parseInt(service.getEnvMap().get("QUARKUS_MANAGEMENT_PORT"));
    }

    /** kafka-setup of compose: the provisioning script, in the broker's network namespace. */
    private static void provisionKafka() {
        try (var setup = new GenericContainer<>(COMPOSE.image("kafka-setup"))
                .withNetworkMode("container:" + KAFKA.getContainerId())
                .withEnv(COMPOSE.environment("kafka-setup", VARIABLES))
                .withCopyFileToContainer(MountableFile.forHostPath(
                        Repository.ROOT.resolve("deploy/compose/provision-kafka.sh")), "/provision/provision-kafka.sh")
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("bash", "/provision/provision-kafka.sh"))
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(START))) {
            setup.start();
        }
    }

    private static GenericContainer<?> service(String name, GenericContainer<?>... dependencies) {
        int port = Integer.parseInt(COMPOSE.rawEnvironment(name).get("QUARKUS_HTTP_PORT"));
        int management = Integer.parseInt(COMPOSE.rawEnvironment(name).get("QUARKUS_MANAGEMENT_PORT"));
        return new GenericContainer<>(COMPOSE.image(name))
                .withNetwork(NETWORK).withNetworkAliases(name)
                .withEnv(COMPOSE.environment(name, VARIABLES))
                .withExposedPorts(port, management)
                .dependsOn(dependencies)
                .waitingFor(Wait.forHttp("/q/health/ready").forPort(management).withStartupTimeout(START));
    }

    /** HTTP/1.1: the JDK's default first asks to upgrade to h2c, a known way for its client to hang. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static void post(GenericContainer<?> service, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(service, path))
                .header("X-API-Key", "local-app-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), path + ": " + response.body());
    }

    private static String get(GenericContainer<?> service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(service, path))
                .header("X-API-Key", "local-app-key").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200 || response.statusCode() == 404, path + ": " + response.body());
        return response.body();
    }

    private static URI uri(GenericContainer<?> service, String path) {
        int port = Integer.parseInt(service.getEnvMap().get("QUARKUS_HTTP_PORT"));
        return URI.create("http://" + service.getHost() + ":" + service.getMappedPort(port) + path);
    }
}
