package dev.dermaguard.notify.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.Severity;

/**
 * Every text of an alert, from {@code alert-texts.properties} where clinicians review them. Checked when the
 * service starts: a missing text, a message without a dermatologist, or a summary that can pass 140 characters
 * stops it, instead of reaching a user.
 */
@Startup
@ApplicationScoped
public class AlertTexts {

    static final String RESOURCE = "alert-texts.properties";
    public static final int SUMMARY_LIMIT = 140;

    /** The texts one alert carries. */
    public record Texts(String summary, String message, String detail) {
    }

    private record RuleTexts(String message, String summary, String detail) {
    }

    private final Map<RuleName, RuleTexts> rules = new EnumMap<>(RuleName.class);
    private final Map<Area, String> areas = new EnumMap<>(Area.class);
    private final String critical;
    private final String escalated;

    public AlertTexts() {
        this(load());
    }

    AlertTexts(Properties texts) {
        List<String> problems = new ArrayList<>();
        for (Area area : Area.values()) {
            areas.put(area, required(texts, "area." + area.name(), problems));
        }
        String longestArea = areas.values().stream().max(Comparator.comparingInt(String::length)).orElse("");
        for (RuleName rule : RuleName.values()) {
            RuleTexts ruleTexts = new RuleTexts(required(texts, rule + ".message", problems),
                    required(texts, rule + ".summary", problems), required(texts, rule + ".detail", problems));
            if (!ruleTexts.message().toLowerCase(Locale.ROOT).contains("dermatologist")) {
                problems.add(rule + ".message must recommend consulting a dermatologist");
            }
            int longest = ruleTexts.summary().replace("{area}", longestArea).length();
            if (longest > SUMMARY_LIMIT) {
                problems.add(rule + ".summary is " + longest + " characters with the longest area name; the limit is "
                        + SUMMARY_LIMIT);
            }
            rules.put(rule, ruleTexts);
        }
        critical = required(texts, "severity.CRITICAL", problems);
        escalated = required(texts, "escalated", problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
        }
    }

    public Texts of(RuleName rule, Severity severity, Area area, boolean isEscalated, Evidence evidence) {
        RuleTexts texts = rules.get(rule);
        String areaName = areas.get(area);
        String message = Stream.of(fill(texts.message(), areaName, evidence),
                        severity == Severity.CRITICAL ? critical : null,
                        isEscalated ? escalated : null)
                .filter(part -> part != null)
                .reduce((a, b) -> a + " " + b).orElseThrow();
        return new Texts(fill(texts.summary(), areaName, evidence), message, fill(texts.detail(), areaName, evidence));
    }

    private static String fill(String template, String area, Evidence evidence) {
        return template.replace("{area}", area)
                .replace("{observed}", readable(evidence == null ? null : evidence.observed()))
                .replace("{threshold}", readable(evidence == null ? null : evidence.threshold()));
    }

    /** Rules state spans as ISO-8601 durations ("PT36H"); a clinician reads "1 day 12 hours". */
    static String readable(String figure) {
        if (figure == null || figure.isBlank()) {
            return "not recorded";
        }
        if (!figure.startsWith("P")) {
            return figure;
        }
        try {
            Duration span = Duration.parse(figure);
            List<String> parts = new ArrayList<>();
            unit(parts, span.toDays(), "day");
            unit(parts, span.toHoursPart(), "hour");
            unit(parts, span.toMinutesPart(), "minute");
            return parts.isEmpty() ? "less than a minute" : String.join(" ", parts);
        } catch (DateTimeParseException e) {
            return figure;
        }
    }

    private static void unit(List<String> parts, long count, String unit) {
        if (count > 0) {
            parts.add(count + " " + unit + (count == 1 ? "" : "s"));
        }
    }

    private static String required(Properties texts, String key, List<String> problems) {
        String text = texts.getProperty(key);
        if (text == null || text.isBlank()) {
            problems.add("no text for " + key);
            return "";
        }
        return text.trim().replaceAll("\\s+", " ");
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
