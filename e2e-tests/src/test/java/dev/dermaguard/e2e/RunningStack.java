package dev.dermaguard.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.dermaguard.infra.LocalStack;
import dev.dermaguard.infra.ScramUser;
import dev.dermaguard.testsupport.TopicClient;

/**
 * One DermaGuard stack for every end-to-end test class of a run, started the way run-local.sh starts it (on free
 * ports) and stopped when the run ends: each start costs a broker, a database and three JVMs. Tests keep apart by
 * using user ids of their own. The topic client reads {@code read_committed}, as a clinic's consumer would, on the
 * PLAINTEXT listener, where it may read everything; {@link #asClinic} reads with a clinic's own credentials.
 */
public final class RunningStack implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningStack.class);

    private static Started started;

    private record Started(LocalStack stack, TopicClient topics, Path workDir)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws IOException {
            topics.close();
            stack.close();
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Started.class, key -> start(),
                Started.class);
    }

    public static LocalStack stack() {
        return started.stack();
    }

    public static TopicClient topics() {
        return started.topics();
    }

    /** What the service wrote to its standard output, as run-local.sh keeps it. */
    public static Path log(String service) {
        return started.workDir().resolve("logs").resolve(service + ".log");
    }

    /** A client that connects as the clinic does: its SCRAM user on the CLINIC listener, read_committed. */
    public static TopicClient asClinic(ScramUser clinic) {
        return new TopicClient(Map.<String, Object>of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack().clinicBootstrapServers().orElseThrow(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, ScramUser.MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, clinic.jaasConfig()), true);
    }

    private static Started start() {
        try {
            Path root = Path.of(System.getProperty("dermaguard.root", ".."));
            Path workDir = Files.createTempDirectory("dermaguard-e2e-");
            LocalStack stack = LocalStack.start(LocalStack.Options.freePorts(root, workDir));
            return new Started(stack, new TopicClient(stack.bootstrapServers(), true), workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
