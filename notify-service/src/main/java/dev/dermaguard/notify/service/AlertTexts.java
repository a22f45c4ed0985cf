package dev.dermaguard.notify.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.common.events.RuleName;
import dev.dermaguard.common.events.Severity;

/** The user-facing message of each rule, from {@code alert-texts.properties} where clinicians can review them. */
@ApplicationScoped
public class AlertTexts {

    static final String RESOURCE = "alert-texts.properties";

    private final Map<RuleName, String> messages = new EnumMap<>(RuleName.class);
    private final String criticalSuffix;

    public AlertTexts() {
        Properties texts = load();
        for (RuleName rule : RuleName.values()) {
            String message = texts.getProperty(rule.name());
            if (message == null || message.isBlank()) {
                throw new IllegalStateException(RESOURCE + " has no message for " + rule);
            }
            messages.put(rule, message.trim());
        }
        this.criticalSuffix = texts.getProperty("CRITICAL.suffix", "Seek medical care today.").trim();
    }

    public String messageFor(RuleName rule, Severity severity) {
        String message = messages.get(rule);
        return severity == Severity.CRITICAL ? message + " " + criticalSuffix : message;
    }

    private static Properties load() {
        try (InputStream in = AlertTexts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
