package dev.dermaguard.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.infra.Infrastructure;

/** The test resource as Quarkus drives it; the JVM's shutdown hook stops what it starts. */
class LocalInfraTestResourceTest {

    @Test
    void startsOneSharedInfrastructureWithEveryTopicAndTheRequestedDatabase() throws Exception {
        Map<String, String> withDatabase = start(Map.of(LocalInfraTestResource.SERVICE, "risk-service",
                LocalInfraTestResource.DATABASE, "dermaguard_resource_test"));
        Map<String, String> kafkaOnly = start(Map.of(LocalInfraTestResource.SERVICE, "intake-service"));

        assertEquals(withDatabase.get("kafka.bootstrap.servers"), kafkaOnly.get("kafka.bootstrap.servers"),
                "the second start shares the first one's broker");
        assertEquals(Set.of("kafka.bootstrap.servers", "kafka.security.protocol", "kafka.sasl.mechanism",
                "kafka.sasl.jaas.config", LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS), kafkaOnly.keySet(),
                "no database asked for, none configured");
        assertEquals("SASL_PLAINTEXT", kafkaOnly.get("kafka.security.protocol"));
        assertTrue(kafkaOnly.get("kafka.sasl.jaas.config").contains("username=\"intake-service\""), "as its own user");
        assertTrue(withDatabase.get("kafka.sasl.jaas.config").contains("username=\"risk-service\""), "as its own user");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafkaOnly.get(LocalInfraTestResource.TEST_BOOTSTRAP_SERVERS)))) {
            Set<String> topics = admin.listTopics().names().get();
            Set<String> expected = Infrastructure.topics().stream().map(NewTopic::name).collect(Collectors.toSet());
            assertTrue(topics.containsAll(expected), topics + " has all of " + expected);
            assertTrue(expected.containsAll(Topics.ALL) && expected.contains("microneedling.alerts.clinic.demo-clinic")
                    && expected.contains("notify-service-outbox.progress"), expected.toString());
        }
        assertTrue(withDatabase.get("quarkus.datasource.reactive.url").endsWith("/dermaguard_resource_test"));
        assertNotEquals("", withDatabase.get("quarkus.datasource.password"), "Quarkus takes an empty password for a missing one");
        assertConnects(withDatabase);
    }

    @Test
    void refusesToStartWithoutTheServiceUnderTest() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LocalInfraTestResource().init(Map.of(LocalInfraTestResource.DATABASE, "dermaguard_risk")));
        assertTrue(refused.getMessage().contains("init argument service"), refused.getMessage());
    }

    private static Map<String, String> start(Map<String, String> initArgs) {
        LocalInfraTestResource resource = new LocalInfraTestResource();
        resource.init(initArgs);
        return resource.start();
    }

    private static void assertConnects(Map<String, String> config) throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertTrue(connection.isValid(5));
        }
    }
}
