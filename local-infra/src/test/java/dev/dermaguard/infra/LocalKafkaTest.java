package dev.dermaguard.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One broker for the class: starting one takes seconds. The last test stops it. */
@TestMethodOrder(OrderAnnotation.class)
class LocalKafkaTest {

    private static final List<String> TOPICS = List.of("sessions", "sessions.dlq");

    @TempDir
    static Path workDir;

    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = LocalKafka.start(0, workDir, 3, TOPICS);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    @Order(1)
    void createsTheTopicsWithTheRequestedPartitions() throws Exception {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames().get();
            assertEquals(Set.copyOf(TOPICS), topics.keySet());
            topics.values().forEach(topic -> assertEquals(3, topic.partitions().size(), topic.name()));
        }
    }

    @Test
    @Order(2)
    void carriesARecordFromAProducerToAConsumerGroup() throws Exception {
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("sessions", key, "needling on the cheeks")).get();
        }

        // A consumer group needs __consumer_offsets, which a single node can only create with replication factor 1.
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-kafka-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("sessions"));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            assertEquals(key, received.get(0).key());
            assertEquals("needling on the cheeks", received.get(0).value());
        }
    }

    @Test
    @Order(3)
    void connectCreatesOnlyTheMissingTopicsAndLeavesTheBrokerRunning() throws Exception {
        LocalKafka.connect(kafka.bootstrapServers(), null, null, List.of(
                new NewTopic("sessions", Optional.of(2), Optional.empty()),
                new NewTopic("alerts", Optional.of(2), Optional.empty()))).close();

        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("sessions", "alerts")).allTopicNames().get();
            assertEquals(3, topics.get("sessions").partitions().size(), "an existing topic keeps its partitions");
            assertEquals(2, topics.get("alerts").partitions().size());
        }
    }

    @Test
    @Order(4)
    void refusesAPortInUse() {
        TakenPort.assertRefused(port -> LocalKafka.start(port, workDir.resolve("refused"), 1, List.of()),
                port -> "port " + port + " is in use: Kafka cannot listen on it");
    }

    @Test
    @Order(5)
    void closeStopsTheBrokerAndFreesItsPort() throws IOException {
        int port = LocalKafka.portOf(kafka.bootstrapServers());

        kafka.close();

        assertTrue(Ports.isFree(port), "port " + port + " is free again");
        assertFalse(Files.exists(workDir.resolve("data")), "the broker's data is gone");
        assertTrue(Files.readString(workDir.resolve("kafka.log")).contains("Kafka Server started"), "the log stays");
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
