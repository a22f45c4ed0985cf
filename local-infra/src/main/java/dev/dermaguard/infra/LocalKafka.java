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
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft: broker and controller in one) running in a JVM of its own, or a broker someone
 * else runs. Either way the requested topics exist once {@link #start} or {@link #connect} returns.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);

    private static final String BROKER_CLASSPATH = "kafka-broker.classpath";
    private static final String STARTED_LINE = "Kafka Server started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** Keeps the idle broker near 300 MB resident. */
    private static final String MAX_HEAP = "-Xmx256m";

    private final String bootstrapServers;
    /** Null when the broker is someone else's. */
    private final ChildProcess broker;
    private final Path dataDir;

    private LocalKafka(String bootstrapServers, ChildProcess broker, Path dataDir) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.dataDir = dataDir;
    }

    /**
     * Starts a broker that keeps its configuration, data and kafka.log in {@code workDir}.
     *
     * @param port 0 for any free port
     * @param partitions the partitions of each topic, and of topics created later without a count
     */
    public static LocalKafka start(int port, Path workDir, int partitions, List<String> topics) {
        int brokerPort = port == 0 ? Ports.free() : Ports.requireFree(port, "Kafka");
        Path dir = WorkFiles.createDirectories(workDir.toAbsolutePath());
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("kafka.log");
        // Each start is a new cluster, as each start of PostgreSQL is a new database: no state from an earlier run.
        WorkFiles.delete(dataDir);
        WorkFiles.delete(log);
        Path config = writeConfig(dir, brokerPort, Ports.free(), dataDir, partitions);
        String classpath = brokerClasspath();

        Stopwatch formatting = new Stopwatch();
        format(classpath, config, log);
        long formatMillis = formatting.millis();
        Stopwatch starting = new Stopwatch();
        ChildProcess broker = launch(classpath, config, log);
        LocalKafka kafka = new LocalKafka("127.0.0.1:" + brokerPort, broker, dataDir);
        LOG.info("Kafka started on {}: storage formatted in {} ms, broker started in {} ms; log: {}",
                kafka.bootstrapServers, formatMillis, starting.millis(), log);
        try {
            createTopics(kafka.bootstrapServers, partitions, topics);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /** Uses a broker that runs already; creates the topics it lacks, leaves those it has as they are. */
    public static LocalKafka connect(String bootstrapServers, int partitions, List<String> topics) {
        createTopics(bootstrapServers, partitions, topics);
        return new LocalKafka(bootstrapServers, null, null);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker this started, waiting for a clean shutdown first, and deletes its data; idempotent. */
    @Override
    public void close() {
        if (broker == null) {
            return;
        }
        broker.stop(STOP_GRACE);
        WorkFiles.delete(dataDir);
    }

    private static Path writeConfig(Path dir, int port, int controllerPort, Path dataDir, int partitions) {
        String config = """
                # Written by LocalKafka at every start: one node that is both broker and controller.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                log.dirs=%3$s
                # Also the count for topics created later without one (notify-service's clinic topics).
                num.partitions=%4$d
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
                """.formatted(port, controllerPort, dataDir, partitions);
        Path file = dir.resolve("server.properties");
        try {
            return Files.writeString(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void format(String classpath, Path config, Path log) {
        // The cluster id only has to be a Kafka UUID; making it here saves starting a JVM for StorageTool random-uuid.
        List<String> arguments = jvm(classpath, "kafka.tools.StorageTool",
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString());
        ChildProcess format = ChildProcess.startJava("kafka-storage-format", arguments, Map.of(), log, line -> { });
        int exitCode = await(format.finished(), format, "formatting the Kafka storage");
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed with exit code " + exitCode
                    + "; last lines of " + log + ":\n" + format.logTail());
        }
    }

    private static ChildProcess launch(String classpath, Path config, Path log) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        ChildProcess broker = ChildProcess.startJava("kafka", jvm(classpath, "kafka.Kafka", config.toString()), Map.of(),
                log, line -> {
                    if (line.contains(STARTED_LINE)) {
                        started.complete(null);
                    }
                });
        broker.finished().thenAccept(exitCode -> started.completeExceptionally(
                new IllegalStateException("the Kafka broker exited with code " + exitCode + " before it started")));
        await(started, broker, "starting the Kafka broker");
        return broker;
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

    private static void createTopics(String bootstrapServers, int partitions, List<String> topics) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            // No replication factor: the cluster's default, which is 1 for a broker started here.
            List<NewTopic> newTopics = topics.stream()
                    .map(topic -> new NewTopic(topic, Optional.of(partitions), Optional.empty()))
                    .toList();
            admin.createTopics(newTopics).values().forEach((topic, created) -> {
                try {
                    created.toCompletionStage().toCompletableFuture().join();
                } catch (CompletionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic + " on " + bootstrapServers, e.getCause());
                    }
                }
            });
        }
    }

    private static String brokerClasspath() {
        try (InputStream in = LocalKafka.class.getResourceAsStream(BROKER_CLASSPATH)) {
            if (in == null) {
                throw new IllegalStateException(BROKER_CLASSPATH + " is not on the classpath: build the kafka-broker module"
                        + " (mvn install) and depend on dermaguard-kafka-broker");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BROKER_CLASSPATH, e);
        }
    }

}
