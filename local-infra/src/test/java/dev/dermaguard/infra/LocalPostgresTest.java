package dev.dermaguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One server for the class; the last test stops it. */
@TestMethodOrder(OrderAnnotation.class)
class LocalPostgresTest {

    @TempDir
    static Path workDir;

    private static LocalPostgres postgres;

    @BeforeAll
    static void startServer() {
        postgres = LocalPostgres.start(0, workDir);
    }

    @AfterAll
    static void stopServer() {
        postgres.close();
    }

    @Test
    @Order(1)
    void createsADatabaseOnceAndAnswersQueriesInIt() throws SQLException {
        postgres.createDatabase("dermaguard_test");
        postgres.createDatabase("dermaguard_test");

        assertEquals("dermaguard_test", currentDatabase(postgres, "dermaguard_test"));
        assertEquals("postgresql://localhost:" + postgres.port() + "/dermaguard_test", postgres.reactiveUrl("dermaguard_test"));
    }

    @Test
    @Order(2)
    void refusesADatabaseNameThatIsNotPlain() {
        assertThrows(IllegalArgumentException.class, () -> postgres.createDatabase("x; DROP DATABASE postgres"));
    }

    @Test
    @Order(3)
    void usesTheServerTheEnvironmentNamesAndLeavesItRunning() throws SQLException {
        LocalPostgres external = LocalPostgres.fromEnvironment(Map.of(
                LocalPostgres.HOST_VARIABLE, "localhost",
                LocalPostgres.PORT_VARIABLE, Integer.toString(postgres.port())), workDir.resolve("unused"));
        external.createDatabase("dermaguard_external");
        external.close();

        assertEquals("dermaguard_external", currentDatabase(postgres, "dermaguard_external"));
    }

    @Test
    @Order(4)
    void refusesAPortInUse() {
        TakenPort.assertRefused(port -> LocalPostgres.start(port, workDir.resolve("refused")),
                port -> "port " + port + " is in use: PostgreSQL cannot listen on it");
    }

    @Test
    @Order(5)
    void aRestartKeepsThePortAndTheCommittedDataAndCommitsAreDurable() throws SQLException {
        postgres.createDatabase("dermaguard_restart");
        try (Connection connection = connect(postgres, "dermaguard_restart")) {
            connection.createStatement().execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }
        int port = postgres.port();

        postgres.stop();
        assertThrows(SQLException.class, () -> connect(postgres, "dermaguard_restart").close());
        postgres.startAgain();

        assertEquals(port, postgres.port());
        try (Connection connection = connect(postgres, "dermaguard_restart");
             ResultSet kept = connection.createStatement().executeQuery("SELECT id FROM kept");
             ResultSet commit = connection.createStatement().executeQuery("SHOW synchronous_commit")) {
            assertTrue(kept.next());
            assertEquals(42, kept.getInt(1));
            commit.next();
            assertEquals("on", commit.getString(1));
        }
    }

    @Test
    @Order(6)
    void aServerSomeoneElseRunsIsNeitherStoppedNorStartedHere() {
        LocalPostgres external = LocalPostgres.connect("localhost", postgres.port(), postgres.username(), postgres.password());

        assertThrows(IllegalStateException.class, external::stop);
        assertThrows(IllegalStateException.class, external::startAgain);
    }

    @Test
    @Order(7)
    void closeStopsTheServerAndFreesItsPort() {
        postgres.close();

        assertTrue(Ports.isFree(postgres.port()), "port " + postgres.port() + " is free again");
    }

    private static Connection connect(LocalPostgres server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
    }

    private static String currentDatabase(LocalPostgres server, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
             ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
            result.next();
            return result.getString(1);
        }
    }
}
