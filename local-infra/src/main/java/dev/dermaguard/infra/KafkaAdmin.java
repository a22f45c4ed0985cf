package dev.dermaguard.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicExistsException;

/** What the local infrastructure does to a broker through its Admin API: topics and ACLs. */
final class KafkaAdmin {

    private static final Duration ACLS_VISIBLE_WITHIN = Duration.ofSeconds(30);
    private static final Duration ACLS_POLL = Duration.ofMillis(100);

    private KafkaAdmin() {
    }

    static Admin connect(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Creates the topics a broker lacks; those it has stay as they are. */
    static void createTopics(Admin admin, List<NewTopic> topics) {
        admin.createTopics(topics).values().forEach((topic, created) -> {
            try {
                join(created);
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                }
            }
        });
    }

    /**
     * Creates the ACLs and returns once the broker enforces them: the controller commits them first, and a client
     * that connects in between would be refused what it was just granted.
     */
    static void grant(Admin admin, Collection<AclBinding> acls) {
        join(admin.createAcls(acls).all());
        Set<AclBinding> missing = new HashSet<>(acls);
        Instant deadline = Instant.now().plus(ACLS_VISIBLE_WITHIN);
        while (true) {
            missing.removeAll(join(admin.describeAcls(AclBindingFilter.ANY).values()));
            if (missing.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the broker does not enforce " + missing.size() + " ACLs created "
                        + ACLS_VISIBLE_WITHIN.toSeconds() + " s ago, for instance " + missing.iterator().next());
            }
            pause();
        }
    }

    static <T> T join(KafkaFuture<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    private static void pause() {
        try {
            Thread.sleep(ACLS_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker's ACLs", e);
        }
    }
}
