package dev.dermaguard.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Kafka and PostgreSQL DermaGuard's services need: started here, or the ones the environment names.
 * {@code KAFKA_BOOTSTRAP_SERVERS} names a running Kafka (its topics are still created);
 * {@code DERMAGUARD_PG_*} a running PostgreSQL (see {@link LocalPostgres}).
 */
public final class Infrastructure implements AutoCloseable {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    /** Partitions of each DermaGuard topic: more than one, so ordering by key and consumer groups get exercised. */
    public static final int PARTITIONS = 6;

    private final LocalKafka kafka;
    private final LocalPostgres postgres;

    private Infrastructure(LocalKafka kafka, LocalPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Starts (or connects to) Kafka and PostgreSQL at the same time; their state and logs go into
     * {@code workDir/kafka} and {@code workDir/postgres}.
     *
     * @param kafkaPort 0 for any free port; unused when the environment names a Kafka
     */
    public static Infrastructure start(Map<String, String> environment, int kafkaPort, Path workDir, int partitions,
                                       List<String> topics) {
        CompletableFuture<LocalPostgres> postgres =
                CompletableFuture.supplyAsync(() -> LocalPostgres.fromEnvironment(environment, workDir.resolve("postgres")));
        LocalKafka kafka;
        try {
            String bootstrapServers = environment.get(KAFKA_BOOTSTRAP_SERVERS);
            kafka = bootstrapServers == null || bootstrapServers.isBlank()
                    ? LocalKafka.start(kafkaPort, workDir.resolve("kafka"), partitions, topics)
                    : LocalKafka.connect(bootstrapServers, partitions, topics);
        } catch (RuntimeException e) {
            closeOnceStarted(postgres);
            throw e;
        }
        try {
            return new Infrastructure(kafka, postgres.join());
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The database server, for tests that stop and start it. */
    public LocalPostgres postgres() {
        return postgres;
    }

    /** Quarkus configuration that points the Kafka connector here. */
    public Map<String, String> kafkaConfig() {
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    /**
     * Creates the database unless it exists, and returns the Quarkus configuration for it: the reactive URL the
     * application uses, the JDBC URL Flyway migrates through, the username, and the password unless there is none.
     */
    public Map<String, String> datasourceConfig(String database) {
        postgres.createDatabase(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        // Quarkus rejects an empty password as a missing one; the embedded server's superuser needs none.
        if (!postgres.password().isEmpty()) {
            config.put("quarkus.datasource.password", postgres.password());
        }
        return config;
    }

    /** The same configuration as environment variables for a child process: kafka.bootstrap.servers becomes KAFKA_BOOTSTRAP_SERVERS. */
    public static Map<String, String> asEnvironment(Map<String, String> config) {
        Map<String, String> environment = new LinkedHashMap<>();
        config.forEach((key, value) -> environment.put(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        return environment;
    }

    /** The environment under which {@link #start} connects to this infrastructure instead of starting its own. */
    Map<String, String> coordinates() {
        return Map.of(
                KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                LocalPostgres.HOST_VARIABLE, postgres.host(),
                LocalPostgres.PORT_VARIABLE, Integer.toString(postgres.port()),
                LocalPostgres.USER_VARIABLE, postgres.username(),
                LocalPostgres.PASSWORD_VARIABLE, postgres.password());
    }

    /** Stops what this started, Kafka first; what the environment named is left alone. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    private static void closeOnceStarted(CompletableFuture<LocalPostgres> postgres) {
        try {
            postgres.join().close();
        } catch (CompletionException e) {
            // It did not start either: nothing to close.
        }
    }
}
