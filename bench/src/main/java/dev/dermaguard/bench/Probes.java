package dev.dermaguard.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.dermaguard.common.Topics;
import dev.dermaguard.infra.Infrastructure;

/**
 * What is sampled while load runs: the services' consumer lag (records on their topics not yet committed by their
 * groups) and every process's resident memory, whose peak is the "under load" figure.
 */
final class Probes implements AutoCloseable {

    /** The stack's processes, each by a part of its command line only it has. */
    static final Map<String, String> PROCESSES = Map.of(
            "intake-service", "intake-service/target/quarkus-app/quarkus-run.jar",
            "risk-service", "risk-service/target/quarkus-app/quarkus-run.jar",
            "notify-service", "notify-service/target/quarkus-app/quarkus-run.jar",
            "kafka-broker", "kafka.Kafka ");

    private static final Map<String, String> GROUPS = Map.of(
            "risk-service", Topics.EVENTS,
            "notify-service", Topics.RISK_ASSESSMENTS);

    /** A marker per partition on the transactional assessments topic. */
    static final long QUIET_LAG = 2L * Infrastructure.PARTITIONS;

    private final Admin admin;
    private final Map<String, Long> peakRssMb = new ConcurrentHashMap<>();

    Probes(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Records behind, summed over both consumer groups and all partitions. */
    long lag() throws Exception {
        long lag = 0;
        for (Map.Entry<String, String> group : GROUPS.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(List.of(group.getValue())).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(group.getValue()).partitions().stream()
                    .map(p -> new TopicPartition(group.getValue(), p.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                lag += Math.max(0, ends.get(partition).offset() - (at == null ? 0 : at.offset()));
            }
        }
        return lag;
    }

    /**
     * Waits, at most {@code within}, until both groups are within a record per partition of their topics' ends (a
     * transaction marker after a partition's last record stays uncommitted): so no trial starts behind another's
     * backlog. Returns the lag it ended at.
     */
    long awaitQuiet(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        long lag = lag();
        while (lag > QUIET_LAG && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(250);
            lag = lag();
        }
        return lag;
    }

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

    @Override
    public void close() {
        admin.close();
    }
}
