package dev.dermaguard.infra;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.auth.DevelopmentKeys;

/**
 * run-local.sh: starts the {@link LocalStack} on the well-known ports, prints how to use it, and keeps it up until
 * Ctrl-C or SIGTERM. Exit code 2 for bad arguments or environment, 1 when the stack did not start.
 * <pre>
 *   LocalStackCommand [--root DIR]
 * </pre>
 */
public final class LocalStackCommand {

    /** Where clinic-consumer.sh connects unless KAFKA_CLINIC_BOOTSTRAP_SERVERS says otherwise. */
    private static final String CLINIC_CONSUMER_DEFAULT = "127.0.0.1:9094";

    private LocalStackCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack.Options options;
        try {
            options = LocalStack.Options.defaults(root(args)).withPortsFrom(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        AtomicReference<LocalStack> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopEverything(running.get()), "dermaguard-stop"));
        try {
            running.set(LocalStack.start(options));
        } catch (RuntimeException e) {
            System.err.println("DermaGuard did not start: " + e.getMessage()
                    + (e.getCause() == null ? "" : "\ncaused by: " + e.getCause()));
            System.exit(1);
        }
        System.out.println(banner(running.get()));
        // Nothing left to do here: the shutdown hook stops everything when the JVM is told to end.
        Thread.currentThread().join();
    }

    static String banner(LocalStack stack) {
        // In the text block a backslash at the end of a line joins it to the next: the curl is one line to paste.
        String performedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        Path workDir = stack.workDir();
        return """

                DermaGuard runs locally.
                  intake-service  %s
                  risk-service    %s
                  notify-service  %s
                  Kafka           %s (PLAINTEXT, loopback only, no authentication: local tools)
                  logs            %s
                                  %s
                                  %s

                Development API keys:
                %s
                Post a session:
                  curl -i -X POST %s/v1/sessions -H 'Content-Type: application/json' -H 'X-API-Key: %s' \
                -d '{"eventId":"%s","userId":"u-123","performedAt":"%s","area":"CHEEKS","needleDepthMm":0.5,"device":"ROLLER"}'
                %s
                Ctrl-C stops everything.
                """.formatted(stack.intakeUrl(), stack.riskUrl(), stack.notifyUrl(), stack.bootstrapServers(),
                workDir.resolve("logs").resolve("<service>.log"), workDir.resolve("kafka/kafka.log"),
                workDir.resolve("postgres/postgres.log"), developmentKeys(), stack.intakeUrl(),
                DevelopmentKeys.APP.key(), UUID.randomUUID(), performedAt, clinicKafkaBanner(stack));
    }

    private static String developmentKeys() {
        StringBuilder keys = new StringBuilder();
        DevelopmentKeys.ALL.forEach(key -> keys.append("  %-18s %s %s%s%n".formatted(key.key(), key.role(),
                key.principal(), key == DevelopmentKeys.OPERATOR ? " (audit log, clinic onboarding)" : "")));
        return keys.toString();
    }

    /** How clinics read their alert topics, with the command that does it as demo-clinic. */
    private static String clinicKafkaBanner(LocalStack stack) {
        Optional<String> listener = stack.clinicBootstrapServers();
        if (listener.isEmpty()) {
            return "\nKafka for clinics: none here (" + Infrastructure.KAFKA_BOOTSTRAP_SERVERS + " names a broker of your own).\n";
        }
        StringBuilder banner = new StringBuilder("\nKafka for clinics  " + listener.get()
                + "  SASL_PLAINTEXT, SCRAM-SHA-512, consumer groups <clinicId>.<anything>, read_committed\n");
        ScramUser.CLINICS.forEach(clinic -> banner.append("  %-13s password %-21s reads %s%n".formatted(
                clinic.name(), clinic.password(), Topics.clinicAlerts(clinic.name()))));
        ScramUser demo = ScramUser.CLINICS.get(0);
        String bootstrap = listener.get().equals(CLINIC_CONSUMER_DEFAULT) ? ""
                : Infrastructure.KAFKA_CLINIC_BOOTSTRAP_SERVERS + "=" + listener.get() + " ";
        banner.append("Read ").append(demo.name()).append("'s alerts as ").append(demo.name())
                .append(" (Kafka's console consumer; another clinic's topic is refused):\n  ")
                .append(bootstrap).append("./clinic-consumer.sh ").append(demo.name()).append(' ')
                .append(demo.password()).append(' ').append(Topics.clinicAlerts(demo.name())).append('\n');
        return banner.toString();
    }

    private static void stopEverything(LocalStack stack) {
        if (stack != null) {
            stack.close();
        }
        // A start cut short by Ctrl-C may have launched a process that nothing owns yet.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static Path root(String[] args) {
        if (args.length == 0) {
            return Path.of("").toAbsolutePath();
        }
        if (args.length == 2 && args[0].equals("--root")) {
            return Path.of(args[1]).toAbsolutePath().normalize();
        }
        throw new IllegalArgumentException("usage: LocalStackCommand [--root DIR]");
    }
}
