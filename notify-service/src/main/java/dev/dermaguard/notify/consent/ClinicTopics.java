package dev.dermaguard.notify.consent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.dermaguard.common.Topics;
import dev.dermaguard.notify.config.AlertingConfig;

/**
 * Creates {@code microneedling.alerts.clinic.<clinicId>} when a clinic is first granted consent: brokers do not
 * auto-create topics, and the outbox must never hold a record for a topic that does not exist. Creating a topic
 * that exists (another instance, an operator) is fine.
 */
@ApplicationScoped
public class ClinicTopics {

    private final Admin admin;
    private final AlertingConfig.ClinicTopics config;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public ClinicTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            AlertingConfig config) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis()));
        this.config = config.clinicTopics();
    }

    /** Completes on a Kafka client thread once the topic exists. */
    public Uni<Void> ensure(String clinicId) {
        String topic = Topics.clinicAlerts(clinicId);
        if (known.contains(topic)) {
            return Uni.createFrom().voidItem();
        }
        NewTopic newTopic = new NewTopic(topic, Optional.of(config.partitions()), config.replicationFactor());
        return Uni.createFrom().completionStage(() -> admin.createTopics(List.of(newTopic)).all().toCompletionStage())
                .onFailure(TopicExistsException.class).recoverWithNull()
                .invoke(created -> known.add(topic))
                .replaceWithVoid();
    }

    void close(@Observes ShutdownEvent shutdown) {
        admin.close(Duration.ofSeconds(5));
    }
}
