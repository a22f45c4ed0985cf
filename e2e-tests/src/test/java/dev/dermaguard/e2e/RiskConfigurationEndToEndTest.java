package dev.dermaguard.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad rule threshold stops the packaged risk-service at start, with a message naming the key, instead of
 * judging users by a nonsense rule. No broker or database is needed: it must fail before it looks for them.
 */
class RiskConfigurationEndToEndTest {

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "dermaguard.rules.device-hygiene.max-uses, 0",
            "dermaguard.rules.healing-interval.light.max-depth-mm, 7",
            "dermaguard.rules.infection-signs.window, 1h",
            "dermaguard.rules.prolonged-inflammation.shallow-recovery, soon",
    })
    void aBadValueStopsTheServiceNamingTheKey(String key, String value) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("dermaguard.root", "..")).resolve(
                "risk-service/target/quarkus-app/quarkus-run.jar");
        Path output = workDir.resolve("risk-service.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + key + "=" + value, "-Dquarkus.http.port=0", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service stops by itself");
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertNotEquals(0, process.exitValue(), log);
            assertTrue(log.contains(key), () -> "the message names " + key + ":\n" + log);
        } finally {
            process.destroyForcibly();
        }
    }
}
