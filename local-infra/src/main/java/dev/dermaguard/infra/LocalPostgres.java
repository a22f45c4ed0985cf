package dev.dermaguard.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL: an embedded server (zonky's binaries, started in the background) or one that runs already,
 * chosen by environment variables:
 * <ul>
 * <li>{@code DERMAGUARD_PG_HOST}: when set, the server to use; nothing is started.</li>
 * <li>{@code DERMAGUARD_PG_PORT}: its port (default 5432); without a host, the port of the embedded server
 * (default: any free port).</li>
 * <li>{@code DERMAGUARD_PG_USER} (default postgres) and {@code DERMAGUARD_PG_PASSWORD} (default none): a role
 * that may create databases.</li>
 * </ul>
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String HOST_VARIABLE = "DERMAGUARD_PG_HOST";
    public static final String PORT_VARIABLE = "DERMAGUARD_PG_PORT";
    public static final String USER_VARIABLE = "DERMAGUARD_PG_USER";
    public static final String PASSWORD_VARIABLE = "DERMAGUARD_PG_PASSWORD";

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

    private static final int DEFAULT_PORT = 5432;
    /** zonky's superuser, which it lets in by trust: no password. */
    private static final String DEFAULT_USER = "postgres";
    private static final String DEFAULT_PASSWORD = "";
    /** Database names go into CREATE DATABASE as they are (identifiers can't be bound), so only plain ones pass. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    /** The embedded server's data, kept across {@link #stop()} and {@link #startAgain()}; null when the server is someone else's. */
    private final Path dataDirectory;
    private final Path log;
    /** The running embedded server; null when stopped or someone else's. */
    private EmbeddedPostgres embedded;

    private LocalPostgres(String host, int port, String username, String password, Path dataDirectory, Path log,
            EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.embedded = embedded;
    }

    /** The server the environment names, or else an embedded one with its log in {@code workDir}. */
    public static LocalPostgres fromEnvironment(Map<String, String> environment, Path workDir) {
        String host = environment.get(HOST_VARIABLE);
        String port = environment.get(PORT_VARIABLE);
        if (host == null || host.isBlank()) {
            return start(port == null ? 0 : Ports.parse(PORT_VARIABLE, port), workDir);
        }
        return connect(host, port == null ? DEFAULT_PORT : Ports.parse(PORT_VARIABLE, port),
                environment.getOrDefault(USER_VARIABLE, DEFAULT_USER),
                environment.getOrDefault(PASSWORD_VARIABLE, DEFAULT_PASSWORD));
    }

    /**
     * Starts an embedded server whose output goes to {@code workDir/postgres.log}; its data lives in a temporary
     * folder that {@link #close()} deletes. Commits are durable ({@code synchronous_commit=on}, as in production;
     * zonky's default turns it off), so a restart loses no committed transaction; {@code pg_stat_statements} is
     * preloaded.
     *
     * @param port 0 for any free port
     */
    public static LocalPostgres start(int port, Path workDir) {
        if (port != 0) {
            Ports.requireFree(port, "PostgreSQL");
        }
        Path log = WorkFiles.createDirectories(workDir.toAbsolutePath()).resolve("postgres.log");
        WorkFiles.delete(log);
        Path data;
        try {
            data = Files.createTempDirectory("dermaguard-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create PostgreSQL's data directory", e);
        }
        EmbeddedPostgres embedded = embedded(port, data, log);
        return new LocalPostgres("localhost", embedded.getPort(), DEFAULT_USER, DEFAULT_PASSWORD, data, log, embedded);
    }

    /** Initialises the data directory unless it holds a cluster already (zonky looks for postgresql.conf). */
    private static EmbeddedPostgres embedded(int port, Path data, Path log) {
        File logFile = log.toFile();
        Stopwatch starting = new Stopwatch();
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on")
                    // Statement counts per query (bench/run.sh reads round trips per event); the extension's view
                    // appears in a database once someone creates it there.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setOutputRedirector(Redirect.appendTo(logFile))
                    .setErrorRedirector(Redirect.appendTo(logFile))
                    .start();
            LOG.info("PostgreSQL ready on localhost:{} in {} ms; log: {}", embedded.getPort(), starting.millis(), log);
            return embedded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL; see " + log, e);
        }
    }

    /**
     * Stops the embedded server as an operator's restart would (a fast shutdown), keeping its data: clients lose
     * their connections until {@link #startAgain()}.
     */
    public synchronized void stop() {
        requireEmbedded();
        if (embedded != null) {
            closeEmbedded();
        }
    }

    /**
     * Ends the embedded server with SIGKILL, the postmaster and every backend at once, as a crash of its machine
     * or container would: nothing is flushed or shut down. {@link #startAgain()} then recovers from the WAL, which
     * holds every commit (the server runs with {@code synchronous_commit=on}, as production does).
     */
    public synchronized void kill() {
        requireEmbedded();
        if (embedded == null) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the postmaster's pid in " + dataDirectory, e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL postmaster with pid " + pid));
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().join();
        backends.forEach(backend -> backend.onExit().join());
        // zonky's close finds no server to stop (and says so in the log) and frees its lock on the data directory.
        closeEmbedded();
        LOG.info("PostgreSQL on localhost:{} killed (pid {} and {} backends)", port, pid, backends.size());
    }

    /** Starts the stopped server again on the same port with the same data; returns once it accepts connections. */
    public synchronized void startAgain() {
        requireEmbedded();
        if (embedded == null) {
            embedded = embedded(port, dataDirectory, log);
        }
    }

    /** Uses a server that runs already; fails at once when it can't be reached with these credentials. */
    public static LocalPostgres connect(String host, int port, String username, String password) {
        LocalPostgres postgres = new LocalPostgres(host, port, username, password, null, null, null);
        try (Connection ignored = postgres.open("postgres")) {
            return postgres;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + host + ":" + port + " as " + username
                    + " (set by " + HOST_VARIABLE + ", " + PORT_VARIABLE + ", " + USER_VARIABLE + ", "
                    + PASSWORD_VARIABLE + "): " + e.getMessage(), e);
        }
    }

    /** Creates the database unless it exists; safe to call from several processes at once. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name (lower case letters, digits, _): " + name);
        }
        try (Connection connection = open("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            // Trying and accepting "exists" has no race, unlike looking first.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name + " at " + host + ":" + port, e);
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    /** The form the Vert.x client takes: {@code postgresql://host:port/database}. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Stops the embedded server and deletes its data; a server someone else runs is left alone. */
    @Override
    public synchronized void close() {
        if (dataDirectory == null) {
            return;
        }
        try {
            if (embedded != null) {
                closeEmbedded();
            }
        } finally {
            WorkFiles.delete(dataDirectory);
        }
    }

    private void closeEmbedded() {
        try {
            embedded.close();
            embedded = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL on port " + port, e);
        }
    }

    private void requireEmbedded() {
        if (dataDirectory == null) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " is not started here: it cannot be stopped or started");
        }
    }

    /** A data source rather than DriverManager: it finds the driver even where Quarkus loads it in its own class loader. */
    private Connection open(String database) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource.getConnection();
    }
}
