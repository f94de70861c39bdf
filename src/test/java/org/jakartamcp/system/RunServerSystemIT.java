package org.jakartamcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.database.DatabaseSettings;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.LibertyServer;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.Ports;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * The server as {@code ./mvnw liberty:run} creates it, started without any database settings: it
 * runs its embedded PostgreSQL, and what was written survives a stop and a new start.
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
        SystemTestDatabase database = new SystemTestDatabase(DatabaseSettings.EMBEDDED_URL, "mcp", "mcp");
        String marker = "written before the restart " + UUID.randomUUID();

        try (LibertyServer server = new LibertyServer("defaultServer", environment)) {
            server.start();
            new Health(BASE_URL).awaitReady(STARTUP);
            assertTrue(Files.exists(dataDirectory.resolve("PG_VERSION")), "the data directory is where DB_EMBEDDED_DIR says");
            assertEquals(1, database.count("select count(*) from audit_event where type = ?", AuditTrail.SERVER_STARTED));
            // no ADMIN_PASSWORD: the first administrator's password is generated into a file only the server's user reads
            Path passwordFile = server.initialPasswordFile();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            String generated = Files.readString(passwordFile).strip();
            assertFalse(server.messages().contains(generated), "the password is not in the log");
            assertTrue(new OAuthFlow(BASE_URL).tokens("admin", generated).containsKey("access_token"), "it signs in");
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

    static Map<String, String> portEnvironment() {
        return HTTP_PORT == 8787 ? Map.of() : Map.of("HTTP_PORT", String.valueOf(HTTP_PORT), "HTTPS_PORT", String.valueOf(HTTP_PORT + 1));
    }
}
