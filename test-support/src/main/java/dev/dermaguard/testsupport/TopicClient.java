package dev.dermaguard.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.dermaguard.contract.kafka.CloudEventHeaders;

/**
 * A plain Kafka client, as a clinic or an operator would use one: writes records, and reads a whole topic from
 * its beginning without a consumer group, so tests see every record a topic holds (duplicates included).
 */
public final class TopicClient implements AutoCloseable {

    /** Longer than any producer's transaction timeout here: a publisher that died mid-transaction is aborted by then. */
    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(60);

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    /** Set when reading read_committed: tells each partition's log end, decided or not. */
    private final Admin admin;

    public TopicClient(String bootstrapServers) {
        this(bootstrapServers, false);
    }

    /**
     * @param readCommitted read as a clinic should read a transactional producer's topic: records of aborted
     *        transactions (a publisher that crashed mid-batch) are skipped, not seen as duplicates
     */
    public TopicClient(String bootstrapServers, boolean readCommitted) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), readCommitted);
    }

    /**
     * @param connection where and as whom to connect: {@code bootstrap.servers}, and security settings to connect
     *        as a clinic would (reads assign partitions, so a clinic's client needs no consumer group)
     */
    public TopicClient(Map<String, Object> connection, boolean readCommitted) {
        Properties producerProps = new Properties();
        producerProps.putAll(connection);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
        Properties consumerProps = new Properties();
        consumerProps.putAll(connection);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        // A read ends once every partition's position reached its end; a partition with nothing left would otherwise
        // hold each fetch for Kafka's default 500 ms.
        consumerProps.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        this.admin = readCommitted ? Admin.create(connection) : null;
    }

    public void send(String topic, String key, String value, Headers headers) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic, e.getCause());
        }
    }

    /**
     * Every record the topic holds now that matches, in partition and offset order. Read read_committed, "now"
     * includes every transaction committed before the call: see {@link #awaitDecided}.
     */
    public synchronized List<ConsumerRecord<String, String>> read(String topic,
            Predicate<ConsumerRecord<String, String>> matching) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (admin != null) {
            awaitDecided(partitions);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (matching.test(r)) {
                    found.add(r);
                }
            });
        }
        consumer.unsubscribe();
        return found;
    }

    /**
     * Waits until every record written to the partitions before this call is committed or aborted. A producer's
     * commit returns once the coordinator logged it; the markers that let read_committed readers see its records
     * reach the partitions a little later. Without this wait, a read right after a publisher committed (and, say,
     * deleted its outbox rows) could miss them. Transactions begun after the call are not waited for.
     */
    private void awaitDecided(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> written = logEnds(partitions);
        await().atMost(DECIDED_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> consumer.endOffsets(partitions)
                .entrySet().stream().allMatch(committed -> committed.getValue() >= written.get(committed.getKey())));
    }

    private Map<TopicPartition, Long> logEnds(List<TopicPartition> partitions) {
        try {
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                    new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /** Waits (bounded) until the topic holds at least {@code count} matching records, and returns them all. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> matching, int count, Duration within) {
        List<List<ConsumerRecord<String, String>>> last = new ArrayList<>(List.of(List.of()));
        await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
            last.set(0, read(topic, matching));
            return last.get(0).size() >= count;
        });
        return last.get(0);
    }

    /** The record's header {@code name} as the services read it ({@link CloudEventHeaders#get}), or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.get(record.headers(), name).orElse(null);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
