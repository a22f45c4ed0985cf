package dev.dermaguard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/** docker-compose.yml against the services' configuration, the versions the tests run, and DESIGN.md. */
class ComposeTest {

    private static final ComposeFile COMPOSE = ComposeFile.read();
    private static final String TEXT = COMPOSE.text;
    private static final Map<String, Map<String, Object>> SERVICES = COMPOSE.services;

    /** Services that run once and exit. */
    private static final Set<String> ONE_SHOT = Set.of("kafka-setup");

    @Test
    void imagesArePinnedToTheVersionsTheTestsRun() {
        for (var service : SERVICES.entrySet()) {
            String image = (String) service.getValue().get("image");
            assertNotNull(image, service.getKey() + " names no image");
            assertTrue(image.matches("[^:]+:\\d+\\.\\d+(\\.\\d+)?(-[a-z0-9]+)?"), service.getKey() + ": " + image);
        }
        assertEquals("apache/kafka:" + AppInfoParser.getVersion(), image("kafka"),
                "compose's broker and the clients and test broker of the build");
        assertEquals(image("kafka"), image("kafka-setup"));
        String postgresMajor = System.getProperty("dermaguard.postgres-binaries.version").split("\\.")[0];
        assertTrue(image("postgres").startsWith("postgres:" + postgresMajor + "."),
                image("postgres") + " against the tests' PostgreSQL " + postgresMajor);
        String dockerfile = Repository.read("deploy/Dockerfile");
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        while (from.find()) {
            assertTrue(from.group(1).matches("[^:]+:\\d+\\.\\d+\\.\\d+[-_a-z0-9]*"), "Dockerfile: " + from.group(1));
        }
    }

    /** Maven reads every module of the parent POM, so the dependency layer must copy each module's POM. */
    @Test
    void theDockerfileCopiesThePomOfEveryModule() {
        String dockerfile = Repository.read("deploy/Dockerfile");
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repository.read("pom.xml"));
        List<String> missing = new ArrayList<>();
        while (module.find()) {
            String name = module.group(1);
            if (!dockerfile.contains("COPY " + name + "/pom.xml " + name + "/")) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "modules whose POM deploy/Dockerfile does not copy");
    }

    /** The upstream image keeps its data under /tmp unless KAFKA_LOG_DIRS says otherwise. */
    @Test
    void kafkaAndPostgresKeepTheirDataOnNamedVolumes() {
        String logDirs = environment("kafka").get("KAFKA_LOG_DIRS");
        assertNotNull(logDirs, "KAFKA_LOG_DIRS unset: the apache/kafka image writes to /tmp");
        assertTrue(volumes("kafka").contains("kafka-data:" + logDirs), volumes("kafka").toString());
        assertTrue(volumes("postgres").contains("postgres-data:/var/lib/postgresql/data"), volumes("postgres").toString());
    }

    @Test
    void longRunningServicesRestartAndReportHealthAndStartInOrder() {
        for (var service : SERVICES.entrySet()) {
            String name = service.getKey();
            if (!ONE_SHOT.contains(name)) {
                assertEquals("unless-stopped", service.getValue().get("restart"), name);
                assertNotNull(service.getValue().get("healthcheck"), name + " has no healthcheck");
            }
            for (var dependency : dependsOn(name).entrySet()) {
                String condition = dependency.getValue().get("condition");
                String expected = ONE_SHOT.contains(dependency.getKey()) ? "service_completed_successfully"
                        : "service_healthy";
                assertEquals(expected, condition, name + " on " + dependency.getKey());
            }
        }
        for (ServiceContract contract : ServiceContract.all()) {
            assertEquals(contract.hasDatabase(), dependsOn(contract.name()).containsKey("postgres"), contract.name());
            assertTrue(dependsOn(contract.name()).containsKey("kafka-setup"), contract.name());
            String healthcheck = String.valueOf(SERVICES.get(contract.name()).get("healthcheck"));
            assertTrue(healthcheck.contains("/q/health/ready"), contract.name());
            // The images serve /q/health/* on the management interface only (deploy/Dockerfile).
            assertTrue(healthcheck.contains("/dev/tcp/127.0.0.1/$$QUARKUS_MANAGEMENT_PORT"), contract.name());
        }
    }

    @Test
    void everyPublishedPortIsOnLoopback() {
        for (var service : SERVICES.entrySet()) {
            Object ports = service.getValue().get("ports");
            if (ports != null) {
                for (Object port : (List<?>) ports) {
                    assertTrue(String.valueOf(port).startsWith("127.0.0.1:"), service.getKey() + ": " + port);
                }
            }
        }
    }

    @Test
    void everyServiceGetsEveryVariableItReadsAndListensWhereItIsPublished() {
        for (ServiceContract contract : ServiceContract.all()) {
            Map<String, String> environment = environment(contract.name());
            Set<String> missing = new TreeSet<>(contract.requiredEnvironment());
            missing.removeAll(environment.keySet());
            assertEquals(Set.of(), missing, contract.name() + ": variables not set");
            String port = String.valueOf(contract.httpPort());
            assertEquals(port, environment.get("QUARKUS_HTTP_PORT"), contract.name());
            String management = String.valueOf(contract.managementPort());
            assertEquals(management, environment.get("QUARKUS_MANAGEMENT_PORT"), contract.name());
            // The HTTP port on the same port of the host's loopback, the management interface on the host's loopback
            // only, unless the operator moves them (DERMAGUARD_*_PORT).
            List<String> published = ((List<?>) SERVICES.get(contract.name()).get("ports")).stream()
                    .map(mapping -> ComposeFile.interpolate(String.valueOf(mapping), Map.of())).toList();
            assertEquals(2, published.size(), contract.name() + ": " + published);
            assertEquals("127.0.0.1:" + port + ":" + port, published.get(0), contract.name());
            assertTrue(published.get(1).matches("127\\.0\\.0\\.1:\\d+:" + management),
                    contract.name() + ": " + published);
            assertTrue(environment.get("KAFKA_SASL_JAAS_CONFIG").contains("username=\"" + contract.name() + "\""),
                    contract.name() + " authenticates as someone else");
        }
    }

    /**
     * DESIGN.md: /q/metrics is for operators. The images (what compose and Kubernetes run, prod profile) are built with
     * the management interface on, a build-time switch, so /q/health/* and /q/metrics leave the HTTP port; the API
     * reference stays there, behind the operator key; and a prod jar built without the switch asks an operator's key
     * for /q/metrics.
     */
    @Test
    void theImagesServeMetricsAndHealthOnTheManagementInterfaceOnly() throws Exception {
        Matcher build = Pattern.compile("(?m)^RUN mvn .*package$").matcher(Repository.read("deploy/Dockerfile"));
        List<String> builds = new ArrayList<>();
        while (build.find()) {
            builds.add(build.group());
        }
        assertTrue(builds.get(builds.size() - 1).contains(" -Dquarkus.management.enabled=true "),
                "the service build of deploy/Dockerfile: " + builds);
        java.util.Properties common = new java.util.Properties();
        common.load(new java.io.StringReader(
                Repository.read("service-support/src/main/resources/META-INF/microprofile-config.properties")));
        // Set here, it would move them for the local stack, whose jars `mvn package` builds in the prod profile.
        assertEquals(null, common.getProperty("quarkus.management.enabled"));
        assertEquals(null, common.getProperty("%prod.quarkus.management.enabled"));
        assertEquals("false", common.getProperty("quarkus.smallrye-openapi.management.enabled"),
                "the API reference would leave the operator key behind");
        assertTrue(common.getProperty("%prod.quarkus.http.auth.permission.metrics.paths").contains("/q/metrics"));
        assertEquals("operators", common.getProperty("%prod.quarkus.http.auth.permission.metrics.policy"));
        assertEquals("operator", common.getProperty("quarkus.http.auth.policy.operators.roles-allowed"));
    }

    /** No publicly known key or password unless the operator opts in (deploy/compose/development.env). */
    @Test
    void secretsHaveNoDefaults() {
        Matcher interpolations = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?").matcher(TEXT);
        Set<String> defaulted = new TreeSet<>();
        while (interpolations.find()) {
            boolean secret = interpolations.group(1).matches(".*(PASSWORD|KEYS|CLINICS|SECRET).*");
            String operator = interpolations.group(2);
            if (secret && operator != null && operator.endsWith("-")) {
                defaulted.add(interpolations.group(1));
            }
        }
        assertEquals(Set.of(), defaulted, "secrets with a default");
        assertFalse(TEXT.matches("(?s).*[0-9a-f]{64}.*"), "a key hash is written into docker-compose.yml");
        String development = Repository.read("deploy/compose/development.env");
        for (String required : List.of("DERMAGUARD_AUTH_KEYS", "DERMAGUARD_KAFKA_CLINICS", "POSTGRES_PASSWORD")) {
            assertTrue(TEXT.contains("${" + required + ":?"), required + " is not required");
            assertTrue(development.contains(required + "="), "development.env lacks " + required);
        }
    }

    private static String image(String service) {
        return COMPOSE.image(service);
    }

    private static Map<String, String> environment(String service) {
        return COMPOSE.rawEnvironment(service);
    }

    private static List<String> volumes(String service) {
        return COMPOSE.volumes(service);
    }

    private static Map<String, Map<String, String>> dependsOn(String service) {
        return COMPOSE.dependsOn(service);
    }
}
