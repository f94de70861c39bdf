package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.jakartamcp.testing.Ports;
import org.jakartamcp.testing.Psql;
import org.jakartamcp.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL is real, its data directory outlives it, and only the server gets in. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path temporary;

    @Test
    @SuppressWarnings("try") // the server is opened for its lifetime, not read
    void dataWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        Path data = temporary.resolve("postgres");
        int port = Ports.free();
        String url = "jdbc:postgresql://localhost:" + port + "/app";

        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(data, port, "app", "app-owner", Optional.of("it's secret"))) {
            try (Connection connection = DriverManager.getConnection(url, "app-owner", "it's secret");
                 Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('before restart')");
            }
        }
        assertTrue(Files.exists(data.resolve("PG_VERSION")));
        assertTrue(Files.exists(temporary.resolve("postgres.log")), "PostgreSQL's own log sits next to its data");

        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(data, port, "app", "app-owner", Optional.of("it's secret"));
             Connection connection = DriverManager.getConnection(url, "app-owner", "it's secret");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select value, current_user from kept")) {
            assertTrue(rows.next());
            assertEquals("before restart", rows.getString(1));
            assertEquals("app-owner", rows.getString(2));
        }
    }

    @Test
    void withoutItsPasswordNobodyConnectsNotEvenTheSuperuser() throws Exception {
        Path data = temporary.resolve("postgres");
        int port = Ports.free();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, "app", "app-owner", Optional.empty())) {
            Path passwords = server.credentialsFile();
            assertEquals(data.toRealPath().resolve(EmbeddedCredentials.FILE_NAME), passwords, "kept in the data directory");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)));
            assertNoPasswordNoEntry(port);

            // the generated passwords, read from the file as the server's data source and psql read them
            assertEquals("app-owner", Psql.run(port, "app-owner", "app", passwords, "select current_user").output());
            assertEquals("on", Psql.run(port, "postgres", "postgres", passwords, "show is_superuser").output());
            assertEquals("127.0.0.1|", Psql.run(port, "postgres", "postgres", passwords,
                    "select current_setting('listen_addresses') || '|' || current_setting('unix_socket_directories')").output(),
                    "loopback only, no Unix socket");
            String ownerPassword = EmbeddedCredentials.read(data, port).orElseThrow().password("app-owner").orElseThrow();
            assertFalse(Files.readString(temporary.resolve("postgres.log")).contains(ownerPassword), "no password in PostgreSQL's log");
        }

        // the next start keeps the stored passwords
        String before = Files.readString(EmbeddedCredentials.file(data));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, "app", "app-owner", Optional.empty())) {
            assertEquals(before, Files.readString(server.credentialsFile()));
            assertTrue(Psql.run(port, "app-owner", "app", server.credentialsFile(), "select 1").succeeded());
            assertNoPasswordNoEntry(port);
        }
    }

    @Test
    @SuppressWarnings("try")
    void aConfiguredOwnerPasswordIsUsedAndNotWrittenDown() throws Exception {
        Path data = temporary.resolve("postgres");
        int port = Ports.free();
        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(data, port, "app", "app-owner", Optional.of("configured"));
             Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/app", "app-owner", "configured")) {
            assertTrue(connection.isValid(5));
            assertFalse(Files.readString(EmbeddedCredentials.file(data)).contains("configured"));
            assertFalse(Psql.run(port, "app-owner", "app", EmbeddedCredentials.file(data), "select 1").succeeded());
        }
    }

    /** Data directories made by earlier versions trusted every local connection; their first start here ends that. */
    @Test
    void anOlderDataDirectoryThatTrustedEveryoneIsSwitchedToPasswords() throws Exception {
        Path data = temporary.resolve("postgres");
        int port = Ports.free();
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("listen_addresses", "localhost").start()) {
            TestDatabase.createDatabase(old, "app", "app-owner", "mcp");
            try (Connection connection = old.getDatabase("app-owner", "app").getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('from the old version')");
            }
        }
        assertTrue(Psql.run(port, "postgres", "postgres", null, "select 1").output().contains("Connection refused"),
                "stopped");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, "app", "app-owner", Optional.empty())) {
            assertNoPasswordNoEntry(port);
            assertFalse(Psql.run(port, "app-owner", "app", null, "select 1").succeeded());
            assertEquals("from the old version", Psql.run(port, "app-owner", "app", server.credentialsFile(),
                    "select value from kept").output());
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/app", "app-owner", "mcp")) {
                throw new AssertionError("the old default password still works: " + connection);
            } catch (java.sql.SQLException expected) {
                assertEquals("28P01", expected.getSQLState(), expected.getMessage());
            }
        }
    }

    @Test
    void aStrangerOnThePortIsRefusedAndSentNothing() throws Exception {
        Path data = temporary.resolve("postgres");
        try (ServerSocket stranger = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = stranger.getLocalPort();
            ForeignDatabaseException refused = assertThrows(ForeignDatabaseException.class,
                    () -> EmbeddedPostgresServer.start(data, port, "app", "app-owner", Optional.empty()));
            assertTrue(refused.getMessage().contains("Port " + port + " is taken by a program that is not the embedded PostgreSQL"),
                    refused.getMessage());
            stranger.setSoTimeout(5_000);
            try (Socket probe = stranger.accept(); InputStream received = probe.getInputStream()) {
                assertEquals(-1, received.read(), "the port was only probed: no startup message, no user name, no password");
            }
        }
    }

    @Test
    void ourPostgresLeftRunningIsUsedButAStrangersIsNot() throws Exception {
        Path data = temporary.resolve("postgres");
        int port = Ports.free();
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, port, "app", "app-owner", Optional.empty())) {
            try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, port, "app", "app-owner", Optional.empty())) {
                assertEquals(first.credentialsFile(), second.credentialsFile());
            }
            assertTrue(Psql.run(port, "app-owner", "app", first.credentialsFile(), "select 1").succeeded(),
                    "closing the one that only used it leaves it running");

            // another data directory (another user's server, say) finds the port taken by a PostgreSQL that is not its own
            ForeignDatabaseException refused = assertThrows(ForeignDatabaseException.class,
                    () -> EmbeddedPostgresServer.start(temporary.resolve("other"), port, "app", "app-owner", Optional.empty()));
            assertTrue(refused.getMessage().contains("is taken by a program that is not the embedded PostgreSQL"), refused.getMessage());
        }
    }

    private static void assertNoPasswordNoEntry(int port) {
        for (String user : new String[] {"postgres", "app-owner"}) {
            Psql.Result result = Psql.run(port, user, "postgres", null, "select 1");
            assertFalse(result.succeeded(), user + " got in without a password: " + result.output());
            assertTrue(result.output().contains("no password supplied") || result.output().contains("password authentication failed"),
                    result.output());
        }
    }

    @Test
    void identifiersAndLiteralsAreQuoted() {
        assertEquals("\"a\"\"b\"", EmbeddedPostgresServer.quoteIdentifier("a\"b"));
        assertEquals("'it''s'", EmbeddedPostgresServer.quoteLiteral("it's"));
    }
}
