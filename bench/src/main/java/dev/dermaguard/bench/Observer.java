package dev.dermaguard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dermaguard.contract.Topics;

/**
 * Reads assessments and alerts as they are committed ({@code read_committed}, as a clinic reads) and stamps the
 * current trial's events with the moment each was seen. Starts at the topics' ends: only this run's records.
 */
final class Observer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile Trial current;
    private volatile boolean running = true;

    Observer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.RISK_ASSESSMENTS, Topics.ALERTS)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::observe, "bench-observer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Events posted from now on belong to this trial. */
    void follow(Trial trial) {
        current = trial;
    }

    private void observe() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long seen = System.nanoTime();
                Trial trial = current;
                if (trial == null) {
                    continue;
                }
                for (ConsumerRecord<String, String> record : records) {
                    Trial.Tracked event = trial.events.get(sourceEventId(record.value()));
                    if (event == null) {
                        continue;
                    }
                    if (record.topic().equals(Topics.ALERTS)) {
                        if (event.alerted == 0) {
                            event.alerted = seen;
                        }
                    } else if (event.assessed == 0) {
                        event.assessed = seen;
                    }
                }
            }
        } catch (WakeupException e) {
            // close() ends the loop.
        }
    }

    private static String sourceEventId(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node.path("sourceEventId").asText();
        } catch (Exception e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
        consumer.close();
    }
}
