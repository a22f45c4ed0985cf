package dev.dermaguard.testsupport;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;


/**
 * Gives every {@code @QuarkusTest} a {@link TopicClient} on the broker the test resource started: {@code @Inject
 * TopicClient topics}. It connects to the PLAINTEXT listener, where it may read and write every topic: the
 * service under test connects as its own user, with only its grants. It reads {@code read_committed}, as clinics do, which on a topic written without
 * transactions reads the same.
 */
public class TopicClients {

    @Produces
    @Singleton
    TopicClient topicClient(@ConfigProperty(name = LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS) String bootstrapServers) {
        return new TopicClient(bootstrapServers, true);
    }

    void close(@Disposes TopicClient topics) {
        topics.close();
    }
}
