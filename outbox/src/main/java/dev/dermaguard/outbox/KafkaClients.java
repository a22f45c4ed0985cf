package dev.dermaguard.outbox;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Kafka clients the outbox builds by hand, each from the one Kafka configuration Quarkus has (the
 * {@code kafka.*} properties: bootstrap servers, SASL, TLS) plus its own settings.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> broker;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = broker;
    }

    public KafkaProducer<String, String> producer(Map<String, Object> own) {
        return new KafkaProducer<>(with(own), new StringSerializer(), new StringSerializer());
    }

    public KafkaConsumer<String, String> consumer(Map<String, Object> own) {
        return new KafkaConsumer<>(with(own), new StringDeserializer(), new StringDeserializer());
    }

    public Admin admin() {
        return Admin.create(with(Map.of()));
    }

    /** The effective value of a client setting, for limits the relay checks itself. */
    Object setting(Map<String, Object> own, String name, Object otherwise) {
        return with(own).getOrDefault(name, otherwise);
    }

    private Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(broker);
        config.putAll(own);
        return config;
    }
}
