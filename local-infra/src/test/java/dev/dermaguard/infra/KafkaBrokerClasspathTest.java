package dev.dermaguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The classpath the kafka-broker module carries has a whole broker on it, a logger it can use, and Kafka's tools. */
class KafkaBrokerClasspathTest {

    @Test
    void namesTheBrokerJarsAndEachExists() throws IOException {
        List<Path> jars;
        try (InputStream in = LocalKafka.class.getResourceAsStream("kafka-broker.classpath")) {
            assertNotNull(in, "kafka-broker.classpath is on the classpath");
            jars = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(File.pathSeparator))
                    .map(Path::of)
                    .toList();
        }

        for (String jar : List.of("kafka_2.13-", "kafka-server-", "kafka-clients-", "kafka-raft-", "scala-library-",
                "slf4j-api-", "slf4j-simple-", "kafka-tools-")) {
            assertTrue(jars.stream().anyMatch(path -> path.getFileName().toString().startsWith(jar)), jar + " is there");
        }
        jars.forEach(path -> assertTrue(Files.isRegularFile(path), path + " exists"));
        // clinic-consumer.sh runs the console consumer of kafka-tools, whose version the pom states by hand.
        assertEquals(version(jars, "kafka_2.13-"), version(jars, "kafka-tools-"), "kafka-tools is at the broker's version");
    }

    private static String version(List<Path> jars, String prefix) {
        return jars.stream().map(path -> path.getFileName().toString())
                .filter(name -> name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d.*\\.jar"))
                .map(name -> name.substring(prefix.length(), name.length() - ".jar".length()))
                .findFirst().orElseThrow();
    }
}
