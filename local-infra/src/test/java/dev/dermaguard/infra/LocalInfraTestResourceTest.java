package dev.dermaguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import dev.dermaguard.common.Topics;

/** The test resource as Quarkus drives it; the JVM's shutdown hook stops what it starts. */
class LocalInfraTestResourceTest {

    @Test
    void startsOneSharedInfrastructureWithEveryTopicAndTheRequestedDatabase() throws Exception {
        Map<String, String> withDatabase = start(Map.of(LocalInfraTestResource.DATABASE, "dermaguard_resource_test"));
        Map<String, String> kafkaOnly = start(Map.of());

        assertEquals(Map.of("kafka.bootstrap.servers", withDatabase.get("kafka.bootstrap.servers")), kafkaOnly,
                "the second start shares the first one's broker and asks for no database");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaOnly.get("kafka.bootstrap.servers")))) {
            Set<String> topics = admin.listTopics().names().get();
            assertTrue(topics.containsAll(Topics.ALL), topics + " has all of " + Topics.ALL);
        }
        assertTrue(withDatabase.get("quarkus.datasource.reactive.url").endsWith("/dermaguard_resource_test"));
        assertNotEquals("", withDatabase.get("quarkus.datasource.password"), "Quarkus takes an empty password for a missing one");
        assertConnects(withDatabase);
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
