package dev.dermaguard.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as compose reads it: its services, and their environment interpolated as compose does. */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Z0-9_]+)(?::?[-?]([^}]*))?}");

    final String text;
    final Map<String, Map<String, Object>> services;

    @SuppressWarnings("unchecked")
    ComposeFile(String text) {
        this.text = text;
        this.services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(text).get("services");
    }

    static ComposeFile read() {
        return new ComposeFile(Repository.read("docker-compose.yml"));
    }

    /** The development switch's values (deploy/compose/development.env). */
    static Map<String, String> developmentEnv() {
        Map<String, String> values = new HashMap<>();
        for (String line : Repository.read("deploy/compose/development.env").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    String image(String service) {
        return (String) services.get(service).get("image");
    }

    /** A service's environment as written, before interpolation. */
    @SuppressWarnings("unchecked")
    Map<String, String> rawEnvironment(String service) {
        Map<String, String> environment = new HashMap<>();
        ((Map<String, Object>) services.get(service).get("environment"))
                .forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    /** A service's environment with {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?error}} resolved. */
    Map<String, String> environment(String service, Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>();
        rawEnvironment(service).forEach((key, value) -> environment.put(key, interpolate(value, variables)));
        return environment;
    }

    @SuppressWarnings("unchecked")
    List<String> volumes(String service) {
        return (List<String>) services.get(service).get("volumes");
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> dependsOn(String service) {
        Object dependsOn = services.get(service).get("depends_on");
        return dependsOn == null ? Map.of() : (Map<String, Map<String, String>>) dependsOn;
    }

    static String interpolate(String value, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().equals("$$")) {
                replacement = "$";
            } else if (variables.containsKey(matcher.group(1))) {
                replacement = variables.get(matcher.group(1));
            } else if (matcher.group().contains(":?")) {
                throw new IllegalArgumentException(matcher.group(1) + " is required: " + matcher.group(2));
            } else {
                replacement = matcher.group(2) == null ? "" : matcher.group(2);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }
}
