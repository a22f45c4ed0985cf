package dev.dermaguard.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft: broker and controller in one) running in a JVM of its own, or a broker someone
 * else runs. Either way the requested topics exist once {@link #start} or {@link #connect} returns.
 * <p>
 * The broker started here enforces ACLs as production does ({@link KafkaAcls}), with three listeners, all on the
 * loopback interface: PLAINTEXT, whose unauthenticated user is a super user, for local tools and the tests' own
 * clients; SERVICES and CLINIC, SASL_PLAINTEXT with SCRAM-SHA-512, for the services' and the clinics'
 * {@link ScramUser}s, who may do only what they were granted.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);

    private static final String BROKER_CLASSPATH = "kafka-broker.classpath";
    private static final String STARTED_LINE = "Kafka Server started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** A port chosen free may be taken before the broker listens on it (CI once): then other ports are chosen. */
    private static final int START_ATTEMPTS = 3;
    /** Keeps the idle broker near 300 MB resident. */
    private static final String MAX_HEAP = "-Xmx256m";

    /**
     * The ports of the three listeners clients use; 0 for any free port.
     *
     * @param plaintext unauthenticated, super user: local tools and the tests' own clients
     * @param services SCRAM: the services
     * @param clinic SCRAM: the clinics
     */
    public record Listeners(int plaintext, int services, int clinic) {

        public static Listeners free() {
            return new Listeners(0, 0, 0);
        }
    }

    private final String bootstrapServers;
    private final String servicesBootstrapServers;
    private final String clinicBootstrapServers;
    /** Null when the broker is someone else's; the running process, or the last one after {@link #stop()}. */
    private ChildProcess broker;
    private final Path dataDir;
    private final Path config;
    private final Path log;

    private LocalKafka(String bootstrapServers, String servicesBootstrapServers, String clinicBootstrapServers,
                       ChildProcess broker, Path dataDir, Path config, Path log) {
        this.bootstrapServers = bootstrapServers;
        this.servicesBootstrapServers = servicesBootstrapServers;
        this.clinicBootstrapServers = clinicBootstrapServers;
        this.broker = broker;
        this.dataDir = dataDir;
        this.config = config;
        this.log = log;
    }

    /** A broker with the PLAINTEXT listener on {@code port} (0: any free one), and these topics of this many partitions. */
    public static LocalKafka start(int port, Path workDir, int partitions, List<String> topics) {
        return start(new Listeners(port, 0, 0), workDir, partitions, topics.stream()
                .map(topic -> new NewTopic(topic, Optional.of(partitions), Optional.empty()))
                .toList());
    }

    /**
     * Starts a broker that keeps its configuration, data and kafka.log in {@code workDir}, formatted with the
     * development {@link ScramUser}s and granted {@link KafkaAcls#all} for the services and development clinics.
     *
     * @param partitions of topics created later without a count
     * @param topics no replication factor: the cluster's default, 1
     */
    public static LocalKafka start(Listeners listeners, Path workDir, int partitions, List<NewTopic> topics) {
        Path dir = WorkFiles.createDirectories(workDir.toAbsolutePath());
        Path log = dir.resolve("kafka.log");
        // Each start's log is new; the attempts of one start share it.
        WorkFiles.delete(log);
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(listeners, dir, log, partitions, topics);
            } catch (PortTaken e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("A port chosen for Kafka was taken before the broker listened on it; starting on other ports");
            }
        }
    }

    private static LocalKafka startOnce(Listeners listeners, Path dir, Path log, int partitions, List<NewTopic> topics) {
        int plaintextPort = listenerPort(listeners.plaintext(), "Kafka");
        int servicesPort = listenerPort(listeners.services(), "Kafka's services listener");
        int clinicPort = listenerPort(listeners.clinic(), "Kafka's clinic listener");
        Path dataDir = dir.resolve("data");
        // Each start is a new cluster, as each start of PostgreSQL is a new database: no state from an earlier run.
        WorkFiles.delete(dataDir);
        Path config = writeConfig(dir, new Listeners(plaintextPort, servicesPort, clinicPort), Ports.free(), dataDir,
                partitions);
        String classpath = brokerClasspath();
        List<ScramUser> users = new ArrayList<>(ScramUser.SERVICES);
        users.addAll(ScramUser.CLINICS);

        Stopwatch formatting = new Stopwatch();
        format(classpath, config, users, log);
        long formatMillis = formatting.millis();
        Stopwatch starting = new Stopwatch();
        ChildProcess broker = launch(classpath, config, log);
        LocalKafka kafka = new LocalKafka(loopback(plaintextPort), loopback(servicesPort), loopback(clinicPort),
                broker, dataDir, config, log);
        LOG.info("Kafka started on {} (services {}, clinics {}): storage formatted in {} ms, broker started in {} ms; log: {}",
                kafka.bootstrapServers, kafka.servicesBootstrapServers, kafka.clinicBootstrapServers, formatMillis,
                starting.millis(), log);
        try (Admin admin = KafkaAdmin.connect(kafka.bootstrapServers)) {
            KafkaAdmin.createTopics(admin, topics);
            KafkaAdmin.grant(admin, KafkaAcls.all(ScramUser.CLINICS.stream().map(ScramUser::name).toList()));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /**
     * Uses a broker that runs already, as it is: creates the topics it lacks, leaves those it has as they are, and
     * neither creates users nor ACLs.
     *
     * @param bootstrapServers where this connects: no authentication, allowed to create topics
     * @param servicesBootstrapServers where the services connect with the development {@link ScramUser}s; null:
     *        without authentication, at {@code bootstrapServers}
     * @param clinicBootstrapServers where clinics connect with theirs; null if nowhere
     */
    public static LocalKafka connect(String bootstrapServers, String servicesBootstrapServers,
                                     String clinicBootstrapServers, List<NewTopic> topics) {
        try (Admin admin = KafkaAdmin.connect(bootstrapServers)) {
            KafkaAdmin.createTopics(admin, topics);
        }
        return new LocalKafka(bootstrapServers, servicesBootstrapServers, clinicBootstrapServers, null, null, null, null);
    }

    /** The PLAINTEXT listener: no authentication, super user (the broker's own tools and tests). */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the services connect: with SCRAM when {@link #secured()}, else without authentication. */
    public String servicesBootstrapServers() {
        return secured() ? servicesBootstrapServers : bootstrapServers;
    }

    /** Where clinics connect with SCRAM; empty when nobody said. */
    public Optional<String> clinicBootstrapServers() {
        return Optional.ofNullable(clinicBootstrapServers);
    }

    /** Whether the services authenticate as their SCRAM users, with only their grants. */
    public boolean secured() {
        return servicesBootstrapServers != null;
    }

    /**
     * Stops the broker as an operator's restart would (a clean shutdown), keeping its data, its users and ACLs:
     * clients lose it until {@link #startAgain()}.
     */
    public synchronized void stop() {
        requireOwn();
        broker.stop(STOP_GRACE);
    }

    /** Starts the stopped broker again on the same listeners and data; returns once it serves. */
    public synchronized void startAgain() {
        requireOwn();
        if (broker.finished().isDone()) {
            broker = launch(brokerClasspath(), config, log);
            LOG.info("Kafka started again on {}", bootstrapServers);
        }
    }

    /**
     * The running broker's process id: all a test in another class loader than the one that started it can share
     * with it, as a string ({@link ProcessHandle#of}).
     */
    public synchronized long pid() {
        requireOwn();
        return broker.pid();
    }

    private void requireOwn() {
        if (broker == null) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " is not started here: it cannot be stopped or started");
        }
    }

    /** Stops the broker this started, waiting for a clean shutdown first, and deletes its data; idempotent. */
    @Override
    public synchronized void close() {
        if (broker == null) {
            return;
        }
        broker.stop(STOP_GRACE);
        WorkFiles.delete(dataDir);
    }

    /** The port of a one-broker {@code host:port}, to start a broker again where clients look for it. */
    public static int portOf(String bootstrapServers) {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    private static int listenerPort(int port, String who) {
        return port == 0 ? Ports.free() : Ports.requireFree(port, who);
    }

    private static String loopback(int port) {
        return "127.0.0.1:" + port;
    }

    private static Path writeConfig(Path dir, Listeners listeners, int controllerPort, Path dataDir, int partitions) {
        String config = """
                # Written by LocalKafka at every start: one node that is both broker and controller.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%4$d
                # Loopback only. PLAINTEXT for local tools and the tests' own clients, SCRAM for services and clinics.
                listeners=PLAINTEXT://127.0.0.1:%1$d,SERVICES://127.0.0.1:%2$d,CLINIC://127.0.0.1:%3$d,CONTROLLER://127.0.0.1:%4$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d,SERVICES://127.0.0.1:%2$d,CLINIC://127.0.0.1:%3$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SERVICES:SASL_PLAINTEXT,CLINIC:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                sasl.enabled.mechanisms=SCRAM-SHA-512
                listener.name.services.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
                listener.name.clinic.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
                # As in production, everything is denied that no ACL grants. The unauthenticated user of the
                # loopback PLAINTEXT and CONTROLLER listeners is the only super user.
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                allow.everyone.if.no.acl.found=false
                super.users=User:ANONYMOUS
                log.dirs=%5$s
                num.partitions=%6$d
                # As in production, a topic exists because someone created it: a misspelt topic name fails
                # loudly instead of quietly creating a topic nobody reads.
                auto.create.topics.enable=false
                # One node: every internal topic has a single replica.
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # Consumers start at once instead of waiting 3 s for more members of their group.
                group.initial.rebalance.delay.ms=0
                """.formatted(listeners.plaintext(), listeners.services(), listeners.clinic(), controllerPort, dataDir,
                partitions);
        Path file = dir.resolve("server.properties");
        try {
            return Files.writeString(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void format(String classpath, Path config, List<ScramUser> users, Path log) {
        // The cluster id only has to be a Kafka UUID; making it here saves starting a JVM for StorageTool random-uuid.
        List<String> arguments = jvm(classpath, "kafka.tools.StorageTool",
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString());
        // The users are in the cluster's first metadata: no client ever meets the broker without them.
        users.forEach(user -> arguments.addAll(List.of("--add-scram", user.formatArgument())));
        ChildProcess format = ChildProcess.startJava("kafka-storage-format", arguments, Map.of(), log, line -> { });
        int exitCode = await(format.finished(), format, "formatting the Kafka storage");
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed with exit code " + exitCode
                    + "; last lines of " + log + ":\n" + format.logTail());
        }
    }

    /** @throws PortTaken when a listener's port was taken by the time the broker bound it */
    private static ChildProcess launch(String classpath, Path config, Path log) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        FirstError firstError = new FirstError();
        ChildProcess broker = ChildProcess.startJava("kafka", jvm(classpath, "kafka.Kafka", config.toString()), Map.of(),
                log, line -> {
                    firstError.accept(line);
                    if (line.contains(STARTED_LINE)) {
                        started.complete(null);
                    }
                });
        broker.finished().thenAccept(exitCode -> started.completeExceptionally(new IllegalStateException(
                "the Kafka broker exited with code " + exitCode + " before it started" + firstError.describe())));
        try {
            await(started, broker, "starting the Kafka broker");
        } catch (IllegalStateException e) {
            throw firstError.portTaken() ? new PortTaken(e) : e;
        }
        return broker;
    }

    /** A start that failed only because a port was taken between choosing it and the broker's bind. */
    private static final class PortTaken extends IllegalStateException {

        PortTaken(IllegalStateException failure) {
            super(failure.getMessage(), failure.getCause());
        }
    }

    /** Waits for a step of the start; on failure or timeout kills the process and says why, with its log's tail. */
    private static <T> T await(CompletableFuture<T> step, ChildProcess process, String what) {
        try {
            return step.orTimeout(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            process.kill();
            String why = e.getCause() instanceof TimeoutException ? "took more than " + START_TIMEOUT.toSeconds() + " s"
                    : e.getCause().getMessage();
            throw new IllegalStateException(what + " failed: " + why + "; last lines of " + process.log() + ":\n"
                    + process.logTail(), e.getCause());
        }
    }

    private static List<String> jvm(String classpath, String mainClass, String... arguments) {
        List<String> jvm = new ArrayList<>(List.of(MAX_HEAP, "-cp", classpath, mainClass));
        jvm.addAll(List.of(arguments));
        return jvm;
    }

    private static String brokerClasspath() {
        try (InputStream in = LocalKafka.class.getResourceAsStream(BROKER_CLASSPATH)) {
            if (in == null) {
                throw new IllegalStateException(BROKER_CLASSPATH + " is not on the classpath: build the kafka-broker module"
                        + " (mvn -B -DskipTests package) and depend on dermaguard-kafka-broker");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BROKER_CLASSPATH, e);
        }
    }

}
