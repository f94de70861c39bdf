package org.jakartamcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jakartamcp.platform.audit.AuditTrail;
import java.net.http.HttpResponse;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.LibertyServer;
import org.jakartamcp.testing.Ports;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same server, pointed by DB_URL, DB_USER and DB_PASSWORD at another PostgreSQL, as an operator would. */
class ExternalDatabaseSystemIT {

    private static final String DATABASE = "inventory_mcp";
    private static final String OWNER = "mcp_app";
    private static final String PASSWORD = "ext-S3cret'\"";
    private static EmbeddedPostgres external;
    private static String url;

    @BeforeAll
    static void startAnotherPostgres() throws Exception {
        external = TestDatabase.freshWithDatabase("external-postgres", DATABASE, OWNER, PASSWORD);
        url = "jdbc:postgresql://localhost:" + external.getPort() + "/" + DATABASE;
    }

    @AfterAll
    static void stopIt() throws IOException {
        if (external != null) {
            external.close();
        }
    }

    @Test
    void theServerMigratesAndWritesTheConfiguredDatabaseAndStartsNoEmbeddedOne() throws Exception {
        Path unusedEmbeddedDirectory = TestPaths.buildDirectory().resolve("system-test/unused-embedded-postgres");
        TestDatabase.deleteRecursively(unusedEmbeddedDirectory);

        try (LibertyServer server = new LibertyServer("defaultServer", environment(PASSWORD, unusedEmbeddedDirectory))) {
            server.start();
            new Health(RunServerSystemIT.BASE_URL).awaitReady(RunServerSystemIT.STARTUP);

            SystemTestDatabase database = new SystemTestDatabase(url, OWNER, PASSWORD);
            assertEquals(migrationFiles(), database.count("select count(*) from flyway_schema_history where success and type = 'SQL'"));
            assertEquals(1, database.count("select count(*) from audit_event where type = ?", AuditTrail.SERVER_STARTED));
            assertFalse(Files.exists(unusedEmbeddedDirectory), "no embedded PostgreSQL when DB_URL names another one");
            assertFalse(Ports.listening(54329), "no embedded PostgreSQL when DB_URL names another one");
        }
    }

    @Test
    void aWrongPasswordKeepsTheServerNotReadyAndSaysWhy() {
        Path unusedEmbeddedDirectory = TestPaths.buildDirectory().resolve("system-test/unused-embedded-postgres");
        try (LibertyServer server = new LibertyServer("defaultServer", environment("not the password", unusedEmbeddedDirectory))) {
            server.start();
            HttpResponse<String> readiness = Eventually.await("readiness to name the failed sign-in", RunServerSystemIT.STARTUP,
                    new Health(RunServerSystemIT.BASE_URL)::readiness, response -> response.body().contains("password"));
            assertEquals(503, readiness.statusCode());
            JsonObject check = Health.databaseCheck(Http.json(readiness));
            assertEquals("DOWN", check.getString("status"));
            String error = check.getJsonObject("data").getString("error");
            assertTrue(error.contains("password authentication failed for user \"" + OWNER + "\""), error);
            assertFalse(error.contains("not the password"), "the password itself is never shown");
        }
    }

    private static Map<String, String> environment(String password, Path embeddedDirectory) {
        Map<String, String> environment = new HashMap<>(RunServerSystemIT.portEnvironment());
        environment.put("DB_URL", url);
        environment.put("DB_USER", OWNER);
        environment.put("DB_PASSWORD", password);
        environment.put("DB_EMBEDDED_DIR", embeddedDirectory.toString());
        return environment;
    }

    private static long migrationFiles() throws IOException {
        try (var files = Files.list(Path.of("db"))) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }
}
