package dev.dermaguard.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every process's resident memory, sampled while load runs: its peak is the "under load" figure. */
final class Probes {

    /** The stack's processes, each by a part of its command line only it has (LocalStack names each service). */
    static final Map<String, String> PROCESSES = Map.of(
            "intake-service", "-Ddermaguard.service=intake-service ",
            "risk-service", "-Ddermaguard.service=risk-service ",
            "notify-service", "-Ddermaguard.service=notify-service ",
            "kafka-broker", "kafka.Kafka ");

    private final Map<String, Long> peakRssMb = new ConcurrentHashMap<>();

    /** Each process's resident memory now, in MB; remembers each one's peak. */
    Map<String, Long> memory() {
        Map<String, Long> now = new HashMap<>();
        PROCESSES.forEach((name, marker) -> Processes.find(marker).ifPresent(process -> {
            long mb = Processes.rssMb(process);
            now.put(name, mb);
            peakRssMb.merge(name, mb, Math::max);
        }));
        return now;
    }

    long peakRssMb(String process) {
        return peakRssMb.getOrDefault(process, 0L);
    }
}
