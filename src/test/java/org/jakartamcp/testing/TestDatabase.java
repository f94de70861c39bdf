package org.jakartamcp.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests, run by the test JVM so that a test can stop and start it. The
 * test server's server.env points at it. With {@code DB_URL} set, the tests use that database
 * instead and this one is never started.
 */
public final class TestDatabase {

    private static TestDatabase shared;

    private final String url = System.getProperty("test.db.url");
    private final String user = System.getProperty("test.db.user");
    private final String password = System.getProperty("test.db.password");
    private final boolean embedded = Boolean.parseBoolean(System.getProperty("test.db.embedded", "true"));
    private final int port = Integer.getInteger("test.db.port", 54339);
    private final Path dataDirectory = TestPaths.buildDirectory().resolve("test-postgres");
    private EmbeddedPostgres postgres;
    private boolean created;

    private TestDatabase() {
    }

    /** The database of the test server, started on first use and stopped when the JVM exits. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = new TestDatabase();
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public boolean isEmbedded() {
        return embedded;
    }

    public synchronized void start() {
        if (!embedded || postgres != null) {
            return;
        }
        try {
            // The data directory is kept across test JVMs: the test server outlives each of them and
            // trusts that the schema it migrated is still there.
            postgres = embedded(dataDirectory, port);
            if (!created) {
                createDatabaseIfAbsent(postgres, "mcp_test", user, password);
                created = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops PostgreSQL the way an outage would look to the server: connections drop, new ones are refused. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Starts a PostgreSQL on the given port; its data stays in the directory between starts. */
    public static EmbeddedPostgres embedded(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectoryCustomizer(TestDatabase::requirePasswords)
                .start();
    }

    /** zonky trusts every local connection; a real server checks the application's password. */
    private static void requirePasswords(java.io.File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDatabaseIfAbsent(EmbeddedPostgres postgres, String database, String owner, String password)
            throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (exists.next()) {
                return;
            }
        }
        createDatabase(postgres, database, owner, password);
    }

    /** A PostgreSQL of its own for a system test (fresh data under the build directory, a free port) with one database. */
    public static EmbeddedPostgres freshWithDatabase(String directory, String database, String owner, String password)
            throws IOException, SQLException {
        return freshWithDatabase(directory, database, owner, password, Ports.free());
    }

    /** The same on a given port. */
    public static EmbeddedPostgres freshWithDatabase(String directory, String database, String owner, String password, int port)
            throws IOException, SQLException {
        Path data = TestPaths.buildDirectory().resolve("system-test").resolve(directory);
        deleteRecursively(data);
        EmbeddedPostgres postgres = embedded(data, port);
        createDatabase(postgres, database, owner, password);
        return postgres;
    }

    /** Creates a login role and a database it owns, as an administrator would for the server. */
    public static void createDatabase(EmbeddedPostgres postgres, String database, String owner, String password)
            throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create role \"" + owner + "\" login password '" + password.replace("'", "''") + "'");
            statement.execute("create database \"" + database + "\" owner \"" + owner + "\"");
        }
    }

    public static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
