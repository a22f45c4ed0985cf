package dev.dermaguard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The checked-out repository these checks read: compose, deploy/ and the services' own configuration. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("dermaguard.root", "..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

    private Repository() {
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(Path path) {
        return Files.exists(path);
    }

    /** A service's application.properties, the base profile only (what a deployment starts from). */
    static Properties serviceProperties(String service) {
        return baseProfile(service + "/src/main/resources/application.properties");
    }

    /** A properties file without its profile-specific (%profile.) entries. */
    private static Properties baseProfile(String relative) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve(relative))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("%"))
                .forEach(properties::remove);
        return properties;
    }

    /** The defaults every service shares (service-support's microprofile-config.properties), the base profile only. */
    static Properties commonProperties() {
        return baseProfile("service-support/src/main/resources/META-INF/microprofile-config.properties");
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
