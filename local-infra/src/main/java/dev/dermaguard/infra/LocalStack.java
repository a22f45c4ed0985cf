package dev.dermaguard.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToIntFunction;

/**
 * All of DermaGuard on one machine: Kafka, PostgreSQL and the three services, each service from its packaged jar
 * in a JVM of its own. What the end-to-end tests, bench/ and faults/ start; run-local.sh runs it through
 * {@link LocalStackCommand}.
 */
public final class LocalStack implements AutoCloseable {

    public static final String INTAKE_SERVICE = KafkaAcls.INTAKE_SERVICE;
    public static final String RISK_SERVICE = KafkaAcls.RISK_SERVICE;
    public static final String NOTIFY_SERVICE = KafkaAcls.NOTIFY_SERVICE;

    /**
     * @param root the repository, where each service's {@code target/quarkus-app/quarkus-run.jar} is
     * @param kafka Kafka's listeners, and the HTTP ports: 0 for any free port
     * @param workDir Kafka's and PostgreSQL's state and every log
     * @param serviceJvmOptions added to each service's JVM options, also when it starts again or scales out
     */
    public record Options(Path root, LocalKafka.Listeners kafka, int intakePort, int riskPort, int notifyPort,
                          Path workDir, List<String> serviceJvmOptions) {

        /**
         * Compiles the services' code with C1 only (no C2): a restarted service is ready in a
         * third of the time beside a running stream on two cores, while its peak speed is lower. For stacks that
         * restart services often and carry little load (faults/run.sh --quick), never for a measurement of speed.
         */
        public static final List<String> QUICK_STARTS = List.of("-XX:TieredStopAtLevel=1");

        /**
         * What run-local.sh uses: the well-known ports (the services' Kafka listener on any free one: nothing outside
         * needs it), state and logs under {@code <root>/.dermaguard}.
         */
        public static Options defaults(Path root) {
            return new Options(root, new LocalKafka.Listeners(9092, 0, 9094), 8080, 8081, 8082,
                    root.resolve(".dermaguard"), List.of());
        }

        /** What tests use: every port free, so runs never clash. */
        public static Options freePorts(Path root, Path workDir) {
            return new Options(root, LocalKafka.Listeners.free(), 0, 0, 0, workDir, List.of());
        }

        public Options withServiceJvmOptions(List<String> options) {
            return new Options(root, kafka, intakePort, riskPort, notifyPort, workDir, List.copyOf(options));
        }

        /** These options with the ports KAFKA_PORT, KAFKA_SERVICES_PORT, KAFKA_CLINIC_PORT, INTAKE_PORT, RISK_PORT and NOTIFY_PORT set. */
        public Options withPortsFrom(Map<String, String> environment) {
            return new Options(root,
                    new LocalKafka.Listeners(port(environment, KAFKA_PORT, kafka.plaintext()),
                            port(environment, KAFKA_SERVICES_PORT, kafka.services()),
                            port(environment, KAFKA_CLINIC_PORT, kafka.clinic())),
                    port(environment, INTAKE_PORT, intakePort),
                    port(environment, RISK_PORT, riskPort),
                    port(environment, NOTIFY_PORT, notifyPort),
                    workDir, serviceJvmOptions);
        }

        private static int port(Map<String, String> environment, String variable, int otherwise) {
            String value = environment.get(variable);
            return value == null ? otherwise : Ports.parse(variable, value);
        }
    }

    private static final String KAFKA_PORT = "KAFKA_PORT";
    private static final String KAFKA_SERVICES_PORT = "KAFKA_SERVICES_PORT";
    private static final String KAFKA_CLINIC_PORT = "KAFKA_CLINIC_PORT";
    private static final String INTAKE_PORT = "INTAKE_PORT";
    private static final String RISK_PORT = "RISK_PORT";
    private static final String NOTIFY_PORT = "NOTIFY_PORT";

    /**
     * A service, its port in the options and the variable that sets it, its database (null: it has none) and its
     * heap: intake holds only requests in flight; risk and notify a poll of up to 500 records and its transaction.
     * After a drained backlog of 10,000 fresh sessions a full collection left 18 MB live in intake, 34 in risk and
     * 31 in notify, and every megabyte of heap is one of resident memory under load. But a poll of sessions for users
     * with a dense month (2,000 sessions in their windows) holds far more while it is judged: at 96 MB risk-service
     * spent most of its time in full collections (jstat), so it keeps 192 MB.
     */
    private record Definition(String name, ToIntFunction<Options> port, String portVariable, String database,
            String maxHeap) {
    }

    private static final List<Definition> SERVICES = List.of(
            new Definition(INTAKE_SERVICE, Options::intakePort, INTAKE_PORT, null, "64m"),
            new Definition(RISK_SERVICE, Options::riskPort, RISK_PORT, "dermaguard_risk", "192m"),
            new Definition(NOTIFY_SERVICE, Options::notifyPort, NOTIFY_PORT, "dermaguard_notify", "96m"));

    /** As started: each added instance is configured from them as the first ones were. */
    private final Options options;
    private final Infrastructure infrastructure;
    private final Map<String, Service> services;
    private final Path logs;
    private boolean closed;

    private LocalStack(Options options, Infrastructure infrastructure, Map<String, Service> services, Path logs) {
        this.options = options;
        this.infrastructure = infrastructure;
        this.services = services;
        this.logs = logs;
    }

    /**
     * Starts everything and returns once every service is ready; on any failure stops what it started and throws,
     * naming what failed. Honours {@code KAFKA_BOOTSTRAP_SERVERS} and {@code DERMAGUARD_PG_*}.
     */
    public static LocalStack start(Options options) {
        Map<String, String> environment = System.getenv();
        requireFreePorts(options, environment);
        requireBuilt(options.root());
        Path workDir = options.workDir().toAbsolutePath();
        Path logs = workDir.resolve("logs");
        WorkFiles.delete(logs);
        WorkFiles.createDirectories(logs);

        Infrastructure infrastructure = Infrastructure.start(environment, options.kafka(), workDir);
        LocalStack stack;
        try {
            stack = new LocalStack(options, infrastructure, services(options, infrastructure, logs), logs);
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        try {
            // All at once: each takes seconds to boot, mostly waiting.
            stack.services.values().forEach(Service::start);
            awaitReady(List.copyOf(stack.services.values()));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public String intakeUrl() {
        return service(INTAKE_SERVICE).url();
    }

    public String riskUrl() {
        return service(RISK_SERVICE).url();
    }

    public String notifyUrl() {
        return service(NOTIFY_SERVICE).url();
    }

    /** Kafka's PLAINTEXT listener, where the unauthenticated user may do anything. */
    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    /** Where clinics connect with their SCRAM users; empty when the environment named a Kafka without saying. */
    public Optional<String> clinicBootstrapServers() {
        return infrastructure.clinicBootstrapServers();
    }

    /** Kafka's and PostgreSQL's state, and every log under {@code logs/}. */
    public Path workDir() {
        return logs.getParent();
    }

    /** The broker, for tests that stop and start it. */
    public LocalKafka kafka() {
        return infrastructure.kafka();
    }

    /** The database server risk-service and notify-service share, for tests that stop and start it. */
    public LocalPostgres postgres() {
        return infrastructure.postgres();
    }

    /**
     * Stops one service: a clean shutdown, or with {@code kill} SIGKILL, as a crash would end it.
     *
     * @param name {@link #INTAKE_SERVICE}, {@link #RISK_SERVICE} or {@link #NOTIFY_SERVICE}
     */
    public void stopService(String name, boolean kill) {
        service(name).stop(kill);
    }

    /** Starts a stopped service again, on the same port, and returns once it is ready. */
    public void startService(String name) {
        Service service = service(name);
        service.start();
        awaitReady(List.of(service));
    }

    /**
     * Starts one more instance of a service, as scaling out would: the same configuration (consumer group,
     * database, outbox) on a port of its own, its log {@code <name>-<n>.log}. Returns once it is ready, with the
     * name that {@link #stopService} and {@link #startService} take for it.
     */
    public String startInstance(String name) {
        Definition definition = SERVICES.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
        String instance;
        Service service;
        // Only the choice of name and port is exclusive: instances of different services start side by side.
        synchronized (this) {
            int n = 2;
            while (services.containsKey(name + "-" + n)) {
                n++;
            }
            instance = name + "-" + n;
            int port = Ports.free();
            service = newService(options, infrastructure, definition, instance, port, logs);
            services.put(instance, service);
        }
        service.start();
        awaitReady(List.of(service));
        return instance;
    }

    /** Stops the services, then Kafka, then PostgreSQL; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            CompletableFuture.allOf(services.values().stream()
                            .map(service -> CompletableFuture.runAsync(() -> service.stop(false)))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } finally {
            infrastructure.close();
        }
    }

    /** Checks every fixed port before anything starts, so a clash costs no time and names every port at once. */
    private static void requireFreePorts(Options options, Map<String, String> environment) {
        Map<Integer, String> fixed = new LinkedHashMap<>();
        String externalKafka = environment.get(Infrastructure.KAFKA_BOOTSTRAP_SERVERS);
        if (externalKafka == null || externalKafka.isBlank()) {
            fixed.put(options.kafka().plaintext(), KAFKA_PORT);
            fixed.put(options.kafka().services(), KAFKA_SERVICES_PORT);
            fixed.put(options.kafka().clinic(), KAFKA_CLINIC_PORT);
        }
        SERVICES.forEach(definition -> fixed.put(definition.port().applyAsInt(options), definition.portVariable()));
        List<String> problems = new ArrayList<>();
        fixed.forEach((port, variable) -> {
            if (port != 0 && !Ports.isFree(port)) {
                problems.add("port " + port + " is in use: stop what uses it or set " + variable);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
    }

    private static void requireBuilt(Path root) {
        List<String> missing = SERVICES.stream()
                .map(definition -> jar(root, definition))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + String.join(", ", missing)
                    + "; run mvn -B -DskipTests package (or ./run-local.sh --rebuild) in " + root);
        }
    }

    private static Path jar(Path root, Definition definition) {
        return root.resolve(definition.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static Map<String, Service> services(Options options, Infrastructure infrastructure, Path logs) {
        Map<String, Service> services = new LinkedHashMap<>();
        for (Definition definition : SERVICES) {
            int fixedPort = definition.port().applyAsInt(options);
            int port = fixedPort == 0 ? Ports.free() : fixedPort;
            services.put(definition.name(), newService(options, infrastructure, definition, definition.name(), port, logs));
        }
        return services;
    }

    /** An instance of the service defined, named {@code name}, logging to {@code <name>.log}. */
    private static Service newService(Options options, Infrastructure infrastructure, Definition definition, String name,
                                      int port, Path logs) {
        return new Service(name, jar(options.root(), definition), definition.maxHeap(), options.serviceJvmOptions(),
                port, environment(infrastructure, definition, port), logs.resolve(name + ".log"));
    }

    private static Map<String, String> environment(Infrastructure infrastructure, Definition definition, int port) {
        Map<String, String> config = new LinkedHashMap<>(infrastructure.kafkaConfig(definition.name()));
        if (definition.database() != null) {
            config.putAll(infrastructure.datasourceConfig(definition.database()));
        }
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.profile", "local");
        return Infrastructure.asEnvironment(config);
    }

    private static void awaitReady(List<Service> services) {
        List<CompletableFuture<Void>> ready = services.stream().map(Service::ready).toList();
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<Void> service : ready) {
            try {
                service.join();
            } catch (CompletionException e) {
                failures.add(e.getCause().getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(String.join("\n\n", failures));
        }
    }

    private synchronized Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + "; there are " + services.keySet());
        }
        return service;
    }
}
