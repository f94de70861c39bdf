package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jakartamcp.testing.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL is real, and its data directory outlives it. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path temporary;

    @Test
    @SuppressWarnings("try") // the server is opened for its lifetime, not read
    void dataWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        Path data = temporary.resolve("postgres");
        int port = Ports.free();
        String url = "jdbc:postgresql://localhost:" + port + "/app";

        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(data, port, "app", "app-owner", "it's secret")) {
            try (Connection connection = DriverManager.getConnection(url, "app-owner", "it's secret");
                 Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('before restart')");
            }
        }
        assertTrue(Files.exists(data.resolve("PG_VERSION")));
        assertTrue(Files.exists(temporary.resolve("postgres.log")), "PostgreSQL's own log sits next to its data");

        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(data, port, "app", "app-owner", "it's secret");
             Connection connection = DriverManager.getConnection(url, "app-owner", "it's secret");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select value, current_user from kept")) {
            assertTrue(rows.next());
            assertEquals("before restart", rows.getString(1));
            assertEquals("app-owner", rows.getString(2));
        }
    }

    @Test
    void identifiersAndLiteralsAreQuoted() {
        assertEquals("\"a\"\"b\"", EmbeddedPostgresServer.quoteIdentifier("a\"b"));
        assertEquals("'it''s'", EmbeddedPostgresServer.quoteLiteral("it's"));
    }
}
