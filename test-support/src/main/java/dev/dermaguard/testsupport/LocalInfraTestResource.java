package dev.dermaguard.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.dermaguard.infra.Infrastructure;
import dev.dermaguard.infra.LocalKafka;

/**
 * Real Kafka and PostgreSQL for a {@code @QuarkusTest}, shared by every test class of the JVM: the first start
 * brings them up (Kafka on free ports, with {@link Infrastructure#topics()}, enforcing
 * {@link dev.dermaguard.infra.KafkaAcls}), a shutdown hook stops them when the JVM ends.
 * <p>
 * Init arguments: {@code service} (required), the service under test, whose SCRAM user every Kafka client of the
 * application connects as, so the tests exercise its grants; {@code database}, a database to create, whose
 * datasource configuration is returned as well. The tests' own clients connect to the PLAINTEXT listener
 * ({@value #TEST_BOOTSTRAP_SERVERS}), where they may do anything.
 * <p>
 * Honours {@code KAFKA_BOOTSTRAP_SERVERS} and {@code DERMAGUARD_PG_*} like {@link Infrastructure}.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE = "service";
    public static final String DATABASE = "database";
    /** The configuration property that tells the tests' own clients where the PLAINTEXT listener is. */
    public static final String TEST_BOOTSTRAP_SERVERS = "dermaguard.test.kafka-bootstrap-servers";

    /** Where the first start publishes how to reach it, for copies of this class in other class loaders. */
    private static final String PUBLISHED = "dermaguard.local-infra.";

    /** Under target/, so kafka.log and postgres.log are still there to read after a failed build. */
    private static final Path WORK_DIR = Path.of("target", "local-infra-" + ProcessHandle.current().pid());

    private static Infrastructure shared;

    private String service;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get(SERVICE);
        if (service == null) {
            throw new IllegalArgumentException(LocalInfraTestResource.class.getSimpleName() + " needs the init argument "
                    + SERVICE + ": the service whose Kafka user the application connects as");
        }
        database = initArgs.get(DATABASE);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = shared();
        Map<String, String> config = new HashMap<>(infrastructure.kafkaConfig(service));
        config.put(TEST_BOOTSTRAP_SERVERS, infrastructure.bootstrapServers());
        if (database != null) {
            config.putAll(infrastructure.datasourceConfig(database));
        }
        return config;
    }

    @Override
    public void stop() {
        // Other test classes still use the infrastructure: the shutdown hook stops it with the JVM.
    }

    /**
     * One infrastructure per JVM. Quarkus loads the application, this class with it, once per test profile, so a
     * static field alone would start one per class loader; system properties are shared by all of them.
     */
    private static synchronized Infrastructure shared() {
        if (shared == null) {
            Map<String, String> published = published();
            boolean first = published.isEmpty();
            shared = Infrastructure.start(first ? System.getenv() : published, LocalKafka.Listeners.free(), WORK_DIR);
            if (first) {
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "dermaguard-local-infra-stop"));
                shared.coordinates().forEach((name, value) -> System.setProperty(PUBLISHED + name, value));
            }
        }
        return shared;
    }

    private static Map<String, String> published() {
        Map<String, String> published = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PUBLISHED))
                .forEach(name -> published.put(name.substring(PUBLISHED.length()), System.getProperty(name)));
        return published;
    }
}
