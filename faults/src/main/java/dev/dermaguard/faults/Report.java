package dev.dermaguard.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes {@code latest.json} and {@code latest.md}: every scenario's counts, and what it missed. */
final class Report {

    private Report() {
    }

    static void write(Path directory, String mode, int rate, List<Tally> tallies) throws IOException {
        Files.createDirectories(directory);
        List<Map<String, Object>> scenarios = tallies.stream().map(Report::asJson).toList();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        report.put("mode", mode);
        report.put("eventsPerSecond", rate);
        report.put("scenarios", scenarios);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("latest.json").toFile(), report);
        Files.writeString(directory.resolve("latest.md"), table(mode, rate, tallies));
    }

    private static Map<String, Object> asJson(Tally tally) {
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", tally.name());
        scenario.put("sent", tally.sent());
        scenario.put("accepted", tally.accepted());
        scenario.put("stored", tally.stored());
        scenario.put("assessed", tally.assessed());
        scenario.put("alertsExpected", tally.alertsExpected());
        scenario.put("alertsEmitted", tally.alertsEmitted());
        scenario.put("lost", tally.lost());
        scenario.put("duplicated", tally.duplicated());
        scenario.put("unexpectedAlerts", tally.unexpectedAlerts());
        scenario.put("deadLettered", tally.deadLettered());
        scenario.put("poisonInjected", tally.poisonInjected());
        // JSON has no infinity: a recovery that never happened is null.
        scenario.put("recoverySeconds", Double.isFinite(tally.recoverySeconds()) ? tally.recoverySeconds() : null);
        if (tally.serverErrors() != null) {
            scenario.put("serverErrors", tally.serverErrors());
            scenario.put("hostileEffects", tally.hostileEffects());
        }
        if (tally.clinicDelivered() != null) {
            scenario.put("clinicDelivered", tally.clinicDelivered());
        }
        if (tally.parked() != null) {
            scenario.put("parked", tally.parked());
            scenario.put("parkedAfterRetry", tally.parkedAfterRetry());
        }
        scenario.put("misses", tally.misses());
        scenario.put("failed", !tally.failures().isEmpty());
        return scenario;
    }

    static String table(String mode, int rate, List<Tally> tallies) {
        StringBuilder table = new StringBuilder("Fault injection, %s run of %s at %d events/s.%n%n".formatted(mode,
                LocalDate.now(ZoneOffset.UTC), rate));
        table.append("| scenario | sent | accepted | stored | assessed | alerts expected | alerts emitted | lost "
                + "| duplicated | dead-lettered / poison | recovery s | server errors | result |\n");
        table.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Tally t : tallies) {
            List<String> misses = t.misses();
            table.append("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d / %d | %s | %s | %s |%n".formatted(t.name(),
                    t.sent(), t.accepted(), t.stored(), t.assessed(), t.alertsExpected(), t.alertsEmitted(), t.lost(),
                    t.duplicated(), t.deadLettered(), t.poisonInjected(),
                    Double.isFinite(t.recoverySeconds()) ? t.recoverySeconds() : "never",
                    t.serverErrors() == null ? "" : t.serverErrors(),
                    misses.isEmpty() ? "ok" : "**" + String.join("; ", misses) + "**"));
        }
        return table.toString();
    }
}
