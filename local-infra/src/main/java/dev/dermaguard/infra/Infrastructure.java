package dev.dermaguard.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import dev.dermaguard.contract.Topics;

/**
 * The Kafka and PostgreSQL DermaGuard's services need: started here, or the ones the environment names.
 * {@code KAFKA_BOOTSTRAP_SERVERS} names a running Kafka (its topics are still created; users and ACLs are its
 * operator's business); {@code DERMAGUARD_PG_*} a running PostgreSQL (see {@link LocalPostgres}).
 */
public final class Infrastructure implements AutoCloseable {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    /**
     * With {@link #KAFKA_BOOTSTRAP_SERVERS}: the named Kafka has DermaGuard's development users and ACLs (another
     * LocalKafka), the services connect here with SCRAM, and clinics at {@link #KAFKA_CLINIC_BOOTSTRAP_SERVERS}.
     */
    public static final String KAFKA_SERVICES_BOOTSTRAP_SERVERS = "KAFKA_SERVICES_BOOTSTRAP_SERVERS";
    public static final String KAFKA_CLINIC_BOOTSTRAP_SERVERS = "KAFKA_CLINIC_BOOTSTRAP_SERVERS";
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
     * {@code workDir/kafka} and {@code workDir/postgres}. Kafka has the {@link #topics()}.
     *
     * @param kafkaListeners unused when the environment names a Kafka
     */
    public static Infrastructure start(Map<String, String> environment, LocalKafka.Listeners kafkaListeners, Path workDir) {
        CompletableFuture<LocalPostgres> postgres =
                CompletableFuture.supplyAsync(() -> LocalPostgres.fromEnvironment(environment, workDir.resolve("postgres")));
        LocalKafka kafka;
        try {
            String bootstrapServers = environment.get(KAFKA_BOOTSTRAP_SERVERS);
            kafka = bootstrapServers == null || bootstrapServers.isBlank()
                    ? LocalKafka.start(kafkaListeners, workDir.resolve("kafka"), PARTITIONS, topics())
                    : LocalKafka.connect(bootstrapServers, environment.get(KAFKA_SERVICES_BOOTSTRAP_SERVERS),
                            environment.get(KAFKA_CLINIC_BOOTSTRAP_SERVERS), topics());
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

    /**
     * Every topic that exists before a service starts, for no service creates topics: the contract's, each outbox
     * relay's progress (one partition, compacted: only the last batch matters), and each development clinic's.
     */
    public static List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        Topics.ALL.forEach(topic -> topics.add(topic(topic)));
        ScramUser.CLINICS.forEach(clinic -> topics.add(topic(Topics.clinicAlerts(clinic.name()))));
        List.of(KafkaAcls.RISK_OUTBOX, KafkaAcls.NOTIFY_OUTBOX).forEach(relay -> topics.add(
                new NewTopic(Topics.outboxProgress(relay), Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        return topics;
    }

    /** A DermaGuard topic: {@link #PARTITIONS} partitions, the cluster's replication factor. */
    static NewTopic topic(String name) {
        return new NewTopic(name, Optional.of(PARTITIONS), Optional.empty());
    }

    /** The PLAINTEXT listener, where the unauthenticated user is a super user: for tools and the tests' own clients. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Where clinics connect with their SCRAM users; empty when the environment named the Kafka. */
    public Optional<String> clinicBootstrapServers() {
        return kafka.clinicBootstrapServers();
    }

    /**
     * Quarkus configuration that connects every Kafka client of a service (the {@code kafka.*} properties) as that
     * service's own SCRAM user, with only its grants ({@link KafkaAcls}); to a Kafka the environment named, only
     * its address.
     *
     * @param service intake-service, risk-service or notify-service
     */
    public Map<String, String> kafkaConfig(String service) {
        ScramUser user = ScramUser.service(service);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.servicesBootstrapServers());
        if (kafka.secured()) {
            config.put("kafka.security.protocol", "SASL_PLAINTEXT");
            config.put("kafka.sasl.mechanism", ScramUser.MECHANISM);
            config.put("kafka.sasl.jaas.config", user.jaasConfig());
        }
        return config;
    }

    /** The broker, for tests that stop and start it. */
    public LocalKafka kafka() {
        return kafka;
    }

    /** The database server, for tests that stop and start it. */
    public LocalPostgres postgres() {
        return postgres;
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
    public Map<String, String> coordinates() {
        Map<String, String> coordinates = new LinkedHashMap<>();
        coordinates.put(KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        if (kafka.secured()) {
            coordinates.put(KAFKA_SERVICES_BOOTSTRAP_SERVERS, kafka.servicesBootstrapServers());
        }
        kafka.clinicBootstrapServers().ifPresent(clinic -> coordinates.put(KAFKA_CLINIC_BOOTSTRAP_SERVERS, clinic));
        coordinates.putAll(Map.of(
                LocalPostgres.HOST_VARIABLE, postgres.host(),
                LocalPostgres.PORT_VARIABLE, Integer.toString(postgres.port()),
                LocalPostgres.USER_VARIABLE, postgres.username(),
                LocalPostgres.PASSWORD_VARIABLE, postgres.password()));
        return coordinates;
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
