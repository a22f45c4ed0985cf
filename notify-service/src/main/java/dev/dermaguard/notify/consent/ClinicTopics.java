package dev.dermaguard.notify.consent;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.dermaguard.common.Topics;

/**
 * Makes sure {@code microneedling.alerts.clinic.<clinicId>} exists when a clinic is first granted consent: the
 * outbox must never hold a record for a topic that does not exist. The topic is the clinic's onboarding's to
 * create (clinic-access.sh); the service may describe it, never create it.
 */
@ApplicationScoped
public class ClinicTopics {

    private final Admin admin;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public ClinicTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> adminConfig = new HashMap<>(kafka);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        this.admin = Admin.create(adminConfig);
    }

    /** Completes on a Kafka client thread once the topic is known to exist; fails if it does not. */
    public Uni<Void> ensure(String clinicId) {
        String topic = Topics.clinicAlerts(clinicId);
        if (known.contains(topic)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> admin.describeTopics(List.of(topic)).allTopicNames().toCompletionStage())
                .invoke(described -> known.add(topic))
                .replaceWithVoid();
    }

    void close(@Observes ShutdownEvent shutdown) {
        admin.close(Duration.ofSeconds(5));
    }
}
