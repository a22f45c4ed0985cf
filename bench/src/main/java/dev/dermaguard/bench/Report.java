package dev.dermaguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** latest.json, latest.md and latest.png in bench/results. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    static void write(Path directory, Results results) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("latest.json"), json(results) + "\n");
        Files.writeString(directory.resolve("latest.md"), markdown(results));
        Plot.write(results, directory.resolve("latest.png"));
    }

    static String json(Results results) throws IOException {
        return JSON.writeValueAsString(results);
    }

    static String markdown(Results results) {
        Results.Baselines b = results.baselines();
        Results.Pipeline p = results.pipeline();
        Results.HistoryCost h = results.historyCost();
        StringBuilder md = new StringBuilder();
        md.append("# DermaGuard benchmark, ").append(results.mode()).append(" run of ").append(results.date())
                .append("\n\n").append(results.machine()).append("; ").append(format(results.seconds()))
                .append(" s. Made by `bench/run.sh").append(results.mode().equals("quick") ? " --quick" : "")
                .append("`.\n\n| what | figure |\n| --- | ---: |\n");
        row(md, "Kafka produce, acks=all, idempotent (ProducerPerformance), records/s", b.kafkaProduceRecordsPerSec());
        row(md, "Kafka consume (ConsumerPerformance, fetch), records/s", b.kafkaConsumeRecordsPerSec());
        row(md, "PostgreSQL single-row inserts, session row, risk-service's indexes, 8 clients, /s",
                b.pgSingleRowInsertsPerSec());
        row(md, "pipeline, batches of 100: max sustained events/s", p.maxSustainedEventsPerSec());
        row(md, "pipeline, single posts: max sustained events/s", p.maxSustainedSinglePostsPerSec());
        row(md, "pipeline, backlog drain, warm services (assessments/s)", p.backlogDrainPerSec());
        row(md, "pipeline, first backlog's drain, cold services (assessments/s)", p.coldDrainPerSec());
        row(md, "batched max / PostgreSQL inserts", ratio(p.maxSustainedEventsPerSec(), b.pgSingleRowInsertsPerSec()));
        row(md, "single max / PostgreSQL inserts", ratio(p.maxSustainedSinglePostsPerSec(), b.pgSingleRowInsertsPerSec()));
        row(md, "PostgreSQL statements per event, both services, batches at the max sustained rate",
                p.pgStatementsPerEvent());
        row(md, "history: drain events/s, users with 100 prior sessions", h.eventsPerSecWith100());
        row(md, "history: drain events/s, users with 100,000 prior sessions", h.eventsPerSecWith100000());
        row(md, "history: drain events/s, users with a dense month (2,000 in 30 days)", h.eventsPerSecDenseMonth());
        md.append("\nLatency of single posts (ms, from the scheduled send), at a share of their max sustained rate:\n\n")
                .append("| at | to assessment p50 / p99 / p99.9 | to alert p50 / p99 / p99.9 |\n| --- | ---: | ---: |\n");
        p.latencyMs().forEach((at, latency) -> md.append("| ").append(at).append(" | ")
                .append(percentiles(latency.toAssessment())).append(" | ").append(percentiles(latency.toAlert()))
                .append(" |\n"));
        md.append("\nEach service restarted alone (the others running, idle), and resident memory:\n\n")
                .append("| process | start to ready ms | RSS MB idle | RSS MB peak under load |\n| --- | ---: | ---: | ---: |\n");
        for (Map.Entry<String, Results.ServiceFigures> service : results.services().entrySet()) {
            Results.ServiceFigures f = service.getValue();
            md.append("| ").append(service.getKey()).append(" | ").append(f.readyMs() == 0 ? "" : f.readyMs())
                    .append(" | ").append(f.rssMbIdle()).append(" | ").append(f.rssMbLoaded()).append(" |\n");
        }
        md.append("\nTrials (what the plot shows):\n\n| mode | offered /s | achieved /s | sustained | to assessment p50 / p99 / p99.9 ms | to alert p99 ms |\n| --- | ---: | ---: | --- | ---: | ---: |\n");
        results.trials().forEach(t -> md.append("| ").append(t.mode()).append(" | ").append(format(t.offeredPerSec()))
                .append(" | ").append(format(t.achievedPerSec())).append(" | ").append(t.sustained() ? "yes" : "no")
                .append(" | ").append(percentiles(t.latencyMs().toAssessment())).append(" | ")
                .append(format(t.latencyMs().toAlert().p99())).append(" |\n"));
        md.append("\n![latency against offered rate](latest.png)\n");
        return md.toString();
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? 0 : Math.round(part / whole * 1000) / 1000.0;
    }

    private static void row(StringBuilder md, String what, double figure) {
        md.append("| ").append(what).append(" | ").append(format(figure)).append(" |\n");
    }

    private static String percentiles(Percentiles p) {
        return format(p.p50()) + " / " + format(p.p99()) + " / " + format(p.p999());
    }

    /** Two decimals below 10, one below 100, none above: as many digits as a noisy machine's figures deserve. */
    static String format(double value) {
        if (value != 0 && Math.abs(value) < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (Math.abs(value) < 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
