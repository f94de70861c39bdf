package org.jakartamcp.mcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.Ports;
import org.jakartamcp.testing.TestPaths;
import org.jakartamcp.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MCP Inspector's CLI, over both transports, signs in by itself: it gets 401, discovers the
 * authorization server, registers, opens the browser (the stand-in signs in and allows), redeems
 * the code, then lists the tools and calls add; and it does so in each of its protocol eras.
 */
class InspectorCliIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"http, /mcp", "sse, /sse"})
    void signsInThenListsTheToolsAndCallsAdd(String transport, String path) throws Exception {
        String url = TestServer.awaitReady() + path;
        Map<String, String> environment = new HashMap<>(McpClients.signInEnvironment(TestServer.adminPassword()));
        // a home of its own, so that no token stored by an earlier run spares it the sign-in
        environment.put("HOME", Files.createTempDirectory(TestPaths.buildDirectory(), "inspector-home").toString());
        environment.put("MCP_AUTO_OPEN_ENABLED", "true");
        String callback = "http://127.0.0.1:" + Ports.free() + "/oauth/callback";

        McpClients.Result call = McpClients.inspector(environment, TIMEOUT, url, "--transport", transport, "--callback-url", callback,
                "--method", "tools/call", "--tool-name", "add", "--tool-arg", "a=0.1", "b=0.2");
        assertEquals(0, call.exitCode(), call.stdout() + call.stderr());
        assertTrue(call.stderr().contains("Please navigate to: " + TestServer.baseUrl() + "/authorize?"), call.stderr());
        assertEquals("0.3", parse(call.stdout()).getJsonArray("content").getJsonObject(0).getString("text"), call.stdout());
    }

    /**
     * Its protocol eras, signed in already (a token for the endpoint): "modern" speaks the stateless
     * 2026-07-28 protocol; "auto" probes with server/discover and gets it over Streamable HTTP, at /mcp
     * and at /sse, and the legacy protocol over the HTTP+SSE stream, which never offers 2026-07-28.
     */
    @ParameterizedTest(name = "{2} era, {0} at {1}")
    @CsvSource({"http, /mcp, modern, 2026-07-28", "http, /mcp, auto, 2026-07-28", "http, /sse, auto, 2026-07-28",
        "sse, /sse, auto, 2025-11-25"})
    void listsTheToolsAndCallsAddInEachEra(String transport, String path, String era, String version) throws Exception {
        String base = TestServer.awaitReady();
        Map<String, String> home = Map.of("HOME", Files.createTempDirectory(TestPaths.buildDirectory(), "inspector-home").toString());
        String authorization = "Authorization: Bearer " + TestTokens.minted(base, path.substring(1));
        String[] connection = {base + path, "--transport", transport, "--protocol-era", era, "--header", authorization};

        McpClients.Result connected = McpClients.inspector(home, TIMEOUT, with(connection, "--method", "initialize"));
        assertEquals(0, connected.exitCode(), connected.stdout() + connected.stderr());
        assertEquals(version, parse(connected.stdout()).getString("protocolVersion"), "the version it settled on: " + connected.stdout());

        McpClients.Result list = McpClients.inspector(home, TIMEOUT, with(connection, "--method", "tools/list"));
        assertEquals(0, list.exitCode(), list.stdout() + list.stderr());
        assertTrue(parse(list.stdout()).getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .anyMatch(tool -> "add".equals(tool.getString("name"))), list.stdout());

        McpClients.Result call = McpClients.inspector(home, TIMEOUT, with(connection, "--method", "tools/call", "--tool-name", "add",
                "--tool-arg", "a=2", "b=40"));
        assertEquals(0, call.exitCode(), call.stdout() + call.stderr());
        assertEquals("42", parse(call.stdout()).getJsonArray("content").getJsonObject(0).getString("text"), call.stdout());
    }

    private static String[] with(String[] connection, String... method) {
        return Stream.concat(Arrays.stream(connection), Arrays.stream(method)).toArray(String[]::new);
    }

    private static JsonObject parse(String stdout) {
        return Json.createReader(new StringReader(stdout.substring(stdout.indexOf('{')))).readObject();
    }
}
