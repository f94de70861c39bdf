package org.jakartamcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** mcp-remote (npm) run as Claude Desktop runs it: the MCP client on its stdio, the server at a URL. */
public final class McpRemote {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private McpRemote() {
    }

    /**
     * Runs mcp-remote for {@code url} with these options, initializes, lists the tools and adds 2 and 40; returns
     * mcp-remote's log ({@code name} names it under the build directory). The server's name is checked when given
     * (a bridge to 2026-07-28 names the server itself).
     */
    public static String listAndAdd(String url, String name, List<String> options, Map<String, String> environment,
                                    String serverName) throws IOException {
        Path stderr = TestPaths.buildDirectory().resolve("mcp-remote-" + name.replaceAll("[^A-Za-z0-9_.-]", "") + ".log");
        environment.put("MCP_REMOTE_CONFIG_DIR", Files.createTempDirectory(TestPaths.buildDirectory(), "mcp-remote-config").toString());
        List<String> command = new ArrayList<>(List.of(McpClients.node().toString(), McpClients.module("mcp-remote/dist/proxy.js").toString(), url));
        command.addAll(options);

        try (StdioProcess claudeDesktopSide = new StdioProcess(command, environment, stderr)) {
            claudeDesktopSide.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"claude-desktop-stand-in\",\"version\":\"1\"}}}");
            JsonObject initialized = claudeDesktopSide.awaitResponse(1, TIMEOUT);
            assertEquals("2024-11-05", initialized.getJsonObject("result").getString("protocolVersion"), initialized.toString());
            if (serverName != null) {
                assertEquals(serverName, initialized.getJsonObject("result").getJsonObject("serverInfo").getString("name"));
            }

            claudeDesktopSide.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            claudeDesktopSide.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            JsonObject tools = claudeDesktopSide.awaitResponse(2, TIMEOUT);
            assertTrue(tools.getJsonObject("result").getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                    .anyMatch(tool -> "add".equals(tool.getString("name"))), tools.toString());

            claudeDesktopSide.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                    + "\"arguments\":{\"a\":2,\"b\":40}}}");
            JsonObject sum = claudeDesktopSide.awaitResponse(3, TIMEOUT);
            assertEquals("42", sum.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"), sum.toString());
        }
        return Files.readString(stderr);
    }
}
