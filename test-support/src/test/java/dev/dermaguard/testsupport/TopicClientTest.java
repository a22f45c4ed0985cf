package dev.dermaguard.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The test client against the shared broker of {@link LocalInfraTestResource}. */
class TopicClientTest {

    private static final int PARTITIONS = 3;

    /**
     * A publisher's commit returns before the markers that make its records visible reach the partitions: a
     * read_committed read straight after it would miss them. So a read waits for every transaction open when it
     * began; here one stays open until the read has been seen waiting.
     */
    @Test
    void aReadCommittedReadWaitsForTheTransactionsOpenWhenItBegan() throws Exception {
        String bootstrap = brokerForTests();
        String topic = "topic-client-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> publisher = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic), new StringSerializer(), new StringSerializer());
             TopicClient topics = new TopicClient(bootstrap, true)) {
            publisher.initTransactions();
            publisher.beginTransaction();
            IntStream.range(0, PARTITIONS).forEach(partition ->
                    publisher.send(new ProducerRecord<>(topic, partition, "key", "value")));
            publisher.flush();

            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> topics.read(topic, r -> true).size());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !read.isDone());
            publisher.commitTransaction();

            assertEquals(PARTITIONS, read.get(), "the records of the transaction open when the read began");
        }
    }

    private static String brokerForTests() {
        LocalInfraTestResource resource = new LocalInfraTestResource();
        resource.init(Map.of(LocalInfraTestResource.SERVICE, "intake-service"));
        return resource.start().get(LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS);
    }
}
