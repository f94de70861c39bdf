package org.jakartamcp.mcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MCP Inspector's CLI lists the tools and calls add over both transports. */
class InspectorCliIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"http, /mcp", "sse, /sse"})
    void listsTheToolsAndCallsAdd(String transport, String path) {
        String server = TestServer.awaitReady();
        String url = server + path;
        String authorization = "Authorization: Bearer " + TestTokens.bearer(server);

        McpClients.Result list = McpClients.inspector(TIMEOUT, url, "--transport", transport, "--header", authorization,
                "--method", "tools/list");
        assertEquals(0, list.exitCode(), list.stderr());
        JsonObject tools = parse(list.stdout());
        assertTrue(tools.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .anyMatch(tool -> "add".equals(tool.getString("name"))), list.stdout());

        McpClients.Result call = McpClients.inspector(TIMEOUT, url, "--transport", transport, "--header", authorization,
                "--method", "tools/call",
                "--tool-name", "add", "--tool-arg", "a=0.1", "b=0.2");
        assertEquals(0, call.exitCode(), call.stderr());
        assertEquals("0.3", parse(call.stdout()).getJsonArray("content").getJsonObject(0).getString("text"), call.stdout());
    }

    private static JsonObject parse(String stdout) {
        return Json.createReader(new StringReader(stdout.substring(stdout.indexOf('{')))).readObject();
    }
}
