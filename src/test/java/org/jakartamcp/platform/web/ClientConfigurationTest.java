package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ClientConfigurationTest {

    @Test
    void claudeDesktopRunsMcpRemoteAgainstTheSseUrl() {
        String text = ClientConfiguration.claudeDesktop("math", "http://localhost:8787/sse");
        JsonObject config = Json.createReader(new StringReader(text)).readObject();
        JsonObject server = config.getJsonObject("mcpServers").getJsonObject("math");
        assertEquals("npx", server.getString("command"));
        assertEquals("mcp-remote", server.getJsonArray("args").getString(0));
        assertEquals("http://localhost:8787/sse", server.getJsonArray("args").getString(1));
        assertEquals(2, server.getJsonArray("args").size());
    }

    @Test
    void itIsIndentedForPeopleToRead() {
        String text = ClientConfiguration.claudeDesktop("math", "http://localhost:8787/sse");
        assertTrue(text.lines().count() > 5, text);
    }
}
