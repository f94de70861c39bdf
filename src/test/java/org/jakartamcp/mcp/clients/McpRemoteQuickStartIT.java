package org.jakartamcp.mcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.StdioProcess;
import org.jakartamcp.testing.TestPaths;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The original quick start: Claude Desktop runs {@code npx mcp-remote <server>/sse} and talks MCP
 * over its stdio. mcp-remote gets 401, discovers the authorization server, registers, opens the
 * browser (here a script that signs in on the real pages and presses Allow), redeems the code, and
 * then tries Streamable HTTP on /sse first and falls back to HTTP+SSE.
 */
class McpRemoteQuickStartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void mcpRemoteConnectsToTheSseUrlAndCallsAdd() throws Exception {
        String url = TestServer.awaitReady() + "/sse";
        Path stderr = TestPaths.buildDirectory().resolve("mcp-remote-quick-start.log");
        Path config = Files.createTempDirectory(TestPaths.buildDirectory(), "mcp-remote-config");
        List<String> command = List.of(McpClients.node().toString(), McpClients.module("mcp-remote/dist/proxy.js").toString(), url);

        Map<String, String> environment = new HashMap<>(McpClients.signInEnvironment(TestServer.adminPassword()));
        environment.put("MCP_REMOTE_CONFIG_DIR", config.toString());

        try (StdioProcess claudeDesktopSide = new StdioProcess(command, environment, stderr)) {
            claudeDesktopSide.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"claude-desktop-stand-in\",\"version\":\"1\"}}}");
            JsonObject initialized = claudeDesktopSide.awaitResponse(1, TIMEOUT);
            assertEquals("jakarta-mcp-math", initialized.getJsonObject("result").getJsonObject("serverInfo").getString("name"));

            claudeDesktopSide.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            claudeDesktopSide.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            assertTrue(claudeDesktopSide.awaitResponse(2, TIMEOUT).getJsonObject("result").getJsonArray("tools")
                    .getValuesAs(JsonObject.class).stream().anyMatch(tool -> "add".equals(tool.getString("name"))));

            claudeDesktopSide.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                    + "\"arguments\":{\"a\":2,\"b\":40}}}");
            JsonObject sum = claudeDesktopSide.awaitResponse(3, TIMEOUT);
            assertEquals("42", sum.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        }
        String log = Files.readString(stderr);
        assertTrue(log.contains("Connected to remote server using SSEClientTransport"), log);
        assertTrue(log.contains("Completing authorization..."), "it signed in through the browser: " + log);
    }
}
