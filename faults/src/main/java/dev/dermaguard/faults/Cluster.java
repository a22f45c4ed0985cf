package dev.dermaguard.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.testsupport.TopicClient;

/**
 * What the topics hold and how far each consumer group has come, read on the PLAINTEXT listener as a clinic would
 * read: {@code read_committed}, so records of an aborted relay transaction are not counted.
 */
final class Cluster implements AutoCloseable {

    /** A consumer group and the topic it reads. */
    record Group(String id, String topic) {
    }

    static final Group RISK = new Group("risk-service", Topics.EVENTS);
    static final Group NOTIFY = new Group("notify-service", Topics.RISK_ASSESSMENTS);
    /** notify-service's consents: a lag here is a consent that alerts raised meanwhile do not see. */
    static final Group CONSENTS = new Group("notify-service-consents", Topics.EVENTS);
    static final List<Group> GROUPS = List.of(RISK, NOTIFY, CONSENTS);
    static final List<String> DEAD_LETTERS = List.of(
            Topics.EVENTS + Topics.DLQ_SUFFIX,
            Topics.RISK_ASSESSMENTS + Topics.DLQ_SUFFIX);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicClient records;
    private final Admin admin;
    private final KafkaConsumer<String, String> probe;

    Cluster(String bootstrapServers) {
        this.records = new TopicClient(bootstrapServers, true);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Past a transaction marker there is no record to wait for: each partition probed would hold 500 ms.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        this.probe = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    TopicClient client() {
        return records;
    }

    Admin admin() {
        return admin;
    }

    /** What the topics hold for users whose id starts with {@code userPrefix}, of any app. */
    Ledger.Observed observe(String userPrefix) {
        // The poison the scenario wrote is counted on the dead-letter topics only.
        Predicate<ConsumerRecord<String, String>> ours = ofUsers(userPrefix)
                .and(r -> !r.key().startsWith(Faults.POISON_APP + ":"));
        Set<String> stored = new HashSet<>();
        records.read(Topics.EVENTS, ours)
                .forEach(r -> stored.add(identity(json(r), "eventId")));
        List<Ledger.Assessment> assessments = records.read(Topics.RISK_ASSESSMENTS, ours).stream()
                .map(r -> json(r))
                .map(a -> new Ledger.Assessment(a.path("assessmentId").asText(), identity(a, "sourceEventId")))
                .toList();
        List<Ledger.Alert> alerts = alerts(Topics.ALERTS, ours);
        return new Ledger.Observed(stored, assessments, alerts, deadLettered(userPrefix));
    }

    /** The alerts on demo-clinic's topic for users whose id starts with {@code userPrefix}. */
    List<Ledger.Alert> clinicAlerts(String userPrefix) {
        return alerts(Topics.clinicAlerts(Stream.CLINIC), ofUsers(userPrefix));
    }

    private List<Ledger.Alert> alerts(String topic, Predicate<ConsumerRecord<String, String>> matching) {
        return records.read(topic, matching).stream().map(r -> Ledger.Alert.of(json(r))).toList();
    }

    /** Records on one topic whose key contains {@code text}. */
    long count(String topic, String text) {
        return records.read(topic, r -> r.key() != null && r.key().contains(text)).size();
    }

    /** Records on the dead-letter topics keyed with a user whose id starts with {@code userPrefix}, of any app. */
    long deadLettered(String userPrefix) {
        return DEAD_LETTERS.stream().mapToLong(topic -> records.read(topic, ofUsers(userPrefix)).size()).sum();
    }

    /** Every record on the dead-letter topics. */
    long deadLettered() {
        return DEAD_LETTERS.stream().mapToLong(topic -> records.read(topic, r -> true).size()).sum();
    }

    private static Predicate<ConsumerRecord<String, String>> ofUsers(String userPrefix) {
        return r -> r.key() != null && r.key().contains(":" + userPrefix);
    }

    /** Each partition's end offset now. */
    Map<TopicPartition, Long> ends(String topic) throws ExecutionException, InterruptedException {
        return offsets(topic, OffsetSpec.latest());
    }

    /** Moves the group (no member may be running) back to the start of its topic: a replay of everything. */
    void rewind(Group group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        offsets(group.topic(), OffsetSpec.earliest()).forEach((partition, offset) ->
                start.put(partition, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group.id(), start).all().get();
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> specs = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(specs).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * Whether the group has consumed every record below {@code targets}: its committed position is there, or only
     * transaction markers lie between (a marker takes an offset but is never a record to consume).
     */
    synchronized boolean reached(Group group, Map<TopicPartition, Long> targets)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group.id()).partitionsToOffsetAndMetadata().get();
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            OffsetAndMetadata at = committed.get(target.getKey());
            long position = at == null ? 0 : at.offset();
            if (position < target.getValue() && recordsBetween(target.getKey(), position, target.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean recordsBetween(TopicPartition partition, long from, long to) {
        probe.assign(List.of(partition));
        probe.seek(partition, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (probe.position(partition) < to && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : probe.poll(Duration.ofMillis(200))) {
                if (record.offset() < to) {
                    return true;
                }
            }
        }
        return probe.position(partition) < to;
    }

    private static String identity(JsonNode event, String idField) {
        return event.path("appId").asText() + "/" + event.path(idField).asText();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset(), e);
        }
    }

    @Override
    public void close() {
        records.close();
        probe.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
