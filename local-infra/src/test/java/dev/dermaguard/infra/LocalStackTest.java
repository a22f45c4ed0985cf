package dev.dermaguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What LocalStack refuses before it starts anything; starting the services is the end-to-end tests' part. */
class LocalStackTest {

    @TempDir
    Path root;

    @Test
    void refusesAFixedPortInUseNamingTheVariableThatMovesIt() {
        TakenPort.assertRefused(port -> LocalStack.start(new LocalStack.Options(root, LocalKafka.Listeners.free(), port, 0, 0, root.resolve("work"), List.of())),
                port -> "port " + port + " is in use: stop what uses it or set INTAKE_PORT");
        assertTrue(Files.notExists(root.resolve("work")), "nothing started");
    }

    @Test
    void refusesAClinicListenerPortInUseNamingTheVariableThatMovesIt() {
        TakenPort.assertRefused(port -> LocalStack.start(new LocalStack.Options(root, new LocalKafka.Listeners(0, 0, port),
                        0, 0, 0, root.resolve("work"), List.of())),
                port -> "port " + port + " is in use: stop what uses it or set KAFKA_CLINIC_PORT");
        assertTrue(Files.notExists(root.resolve("work")), "nothing started");
    }

    @Test
    void refusesServicesThatAreNotBuilt() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LocalStack.start(LocalStack.Options.freePorts(root, root.resolve("work"))));

        assertTrue(refused.getMessage().startsWith("not built: " + root.resolve("intake-service/target/quarkus-app/quarkus-run.jar")),
                refused.getMessage());
        assertTrue(Files.notExists(root.resolve("work")), "nothing started");
    }

    @Test
    void takesPortsFromTheEnvironment() {
        LocalStack.Options options = LocalStack.Options.defaults(root)
                .withPortsFrom(Map.of("RISK_PORT", "9181", "KAFKA_PORT", "0", "KAFKA_CLINIC_PORT", "9194"));

        assertEquals(new LocalStack.Options(root, new LocalKafka.Listeners(0, 0, 9194), 8080, 9181, 8082,
                root.resolve(".dermaguard"), List.of()), options);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> options.withPortsFrom(Map.of("NOTIFY_PORT", "80a")));
        assertEquals("NOTIFY_PORT is not a port number: 80a", refused.getMessage());
    }
}
