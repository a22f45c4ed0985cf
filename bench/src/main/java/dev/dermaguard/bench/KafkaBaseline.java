package dev.dermaguard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own performance tools (kafka-tools, the broker's version, from the kafka-broker module's classpath) on the
 * stack's broker: what the broker does for a plain client, beside what the pipeline gets from it.
 */
final class KafkaBaseline {

    /** Records of about the size of a session event with its CloudEvents headers. */
    static final int RECORD_BYTES = 400;
    private static final String TOPIC = "bench.perf";
    private static final String TOOLS_CLASSPATH = "/dev/dermaguard/infra/kafka-broker.classpath";
    /** "50000 records sent, 41666.7 records/sec (15.89 MB/sec), ..." : the summary line, the last one. */
    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    private final String bootstrapServers;
    private final Path logs;

    KafkaBaseline(String bootstrapServers, Path logs) {
        this.bootstrapServers = bootstrapServers;
        this.logs = logs;
    }

    /** Produces {@code records} with acks=all and idempotence, then consumes them all; records per second of each. */
    double[] run(int records) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(6), Optional.empty()))).all().get();
        }
        String produced = tool("producer-performance", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", Integer.toString(records), "--record-size",
                Integer.toString(RECORD_BYTES), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true");
        String consumed = tool("consumer-performance", "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", TOPIC, "--messages", Integer.toString(records),
                "--timeout", "60000");
        return new double[] {producedPerSecond(produced), consumedPerSecond(consumed)};
    }

    static double producedPerSecond(String output) {
        Matcher matcher = PRODUCED.matcher(output);
        double rate = Double.NaN;
        while (matcher.find()) {
            rate = Double.parseDouble(matcher.group(2));
        }
        if (Double.isNaN(rate)) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return rate;
    }

    /**
     * From ConsumerPerformance's CSV, {@code fetch.nMsg.sec}: records per second while fetching, without the time the
     * group took to form (which dominates a short run and says nothing about the broker).
     */
    static double consumedPerSecond(String output) {
        List<String> lines = output.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        List<String> header = List.of();
        for (String line : lines) {
            List<String> columns = columns(line);
            if (line.startsWith("start.time")) {
                header = columns;
            } else if (!header.isEmpty() && columns.size() == header.size() && header.contains("fetch.nMsg.sec")) {
                return Double.parseDouble(columns.get(header.indexOf("fetch.nMsg.sec")));
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no fetch.nMsg.sec:\n" + output);
    }

    private static List<String> columns(String line) {
        List<String> columns = new ArrayList<>();
        for (String column : line.split(",")) {
            columns.add(column.trim());
        }
        return columns;
    }

    /** Runs a tool in a JVM of its own and returns what it printed; its log goes to logs/<name>.log. */
    private String tool(String name, String mainClass, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Processes.javaBinary(), "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", toolsClasspath(), mainClass));
        command.addAll(List.of(arguments));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        Path printed = logs.resolve(name + ".out");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(printed.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " took more than 120 s; see " + log);
        }
        String output = Files.readString(printed);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + output
                    + Files.readString(log));
        }
        return output;
    }

    private static String toolsClasspath() {
        try (InputStream in = KafkaBaseline.class.getResourceAsStream(TOOLS_CLASSPATH)) {
            if (in == null) {
                throw new IllegalStateException(TOOLS_CLASSPATH + " is missing: build kafka-broker first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
