package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jakartamcp.platform.database.DatabaseSettings.EmbeddedMode;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private static DatabaseSettings settings(String url, String embedded) {
        return new DatabaseSettings(url, "mcp", java.util.Optional.of("secret"), embedded, "/var/lib/mcp/postgres", 5);
    }

    @Test
    void theDefaultUrlRunsTheEmbeddedDatabaseWhenItIsInstalled() {
        assertEquals(EmbeddedMode.IF_AVAILABLE, settings(DatabaseSettings.EMBEDDED_URL, "auto").embeddedMode());
    }

    @Test
    void anyOtherUrlMeansThatDatabaseAndNoEmbeddedOne() {
        assertEquals(EmbeddedMode.OFF, settings("jdbc:postgresql://db.internal:5432/mcp", "auto").embeddedMode());
        assertEquals(EmbeddedMode.OFF, settings("jdbc:postgresql://localhost:5432/mcp", " AUTO ").embeddedMode());
    }

    @Test
    void anExplicitChoiceWins() {
        assertEquals(EmbeddedMode.REQUIRED, settings("jdbc:postgresql://db.internal:5432/mcp", "true").embeddedMode());
        assertEquals(EmbeddedMode.OFF, settings(DatabaseSettings.EMBEDDED_URL, "false").embeddedMode());
    }

    @Test
    void anInsistedEmbeddedDatabaseListensOnTheLocalUrlsPort() {
        assertEquals(54341, settings("jdbc:postgresql://localhost:54341/mcp", "true").embeddedPort());
        assertEquals(54329, settings("jdbc:postgresql://localhost:54341/mcp", "auto").embeddedPort());
        assertEquals(54329, settings("jdbc:postgresql://db.internal:54341/mcp", "true").embeddedPort());
        assertEquals(54329, settings(DatabaseSettings.EMBEDDED_URL, "true").embeddedPort());
    }
}
