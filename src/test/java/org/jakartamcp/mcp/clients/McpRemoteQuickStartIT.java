package org.jakartamcp.mcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.McpRemote;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The original quick start: Claude Desktop runs {@code npx mcp-remote <server>/sse} and talks MCP
 * (2024-11-05) over its stdio. /sse serves the best transport each way of running mcp-remote
 * speaks: its default (http-first) gets Streamable HTTP, {@code --transport sse-only} the HTTP+SSE
 * stream, and {@code --protocol auto} the stateless 2026-07-28 protocol over Streamable HTTP, or the
 * legacy protocol over HTTP+SSE, which never offers 2026-07-28.
 */
class McpRemoteQuickStartIT {

    private static final String MODERN = "Remote server speaks MCP 2026-07-28";

    /** The whole quick start, sign-in included: 401, discovery, registration, the browser signs in, the code is redeemed. */
    @Test
    void mcpRemoteSignsInAtTheSseUrlAndCallsAddOverStreamableHttp() throws Exception {
        Map<String, String> environment = new HashMap<>(McpClients.signInEnvironment(TestServer.adminPassword()));
        String log = listAndAdd("sign-in", "/sse", List.of(), environment, "jakarta-mcp-math");
        assertTrue(log.contains("Connected to remote server using StreamableHTTPClientTransport"), log);
        assertTrue(log.contains("Completing authorization..."), "it signed in through the browser: " + log);
        assertFalse(log.contains(MODERN), "the default protocol mode is legacy: " + log);
    }

    /** Each way of running mcp-remote ends up on a transport and a protocol era that work; signed in already (a token for the endpoint). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/sse | --transport sse-only                 | SSEClientTransport            | legacy",
        "/sse | --transport sse-only --protocol auto | SSEClientTransport            | legacy",
        "/sse | --protocol auto                      | StreamableHTTPClientTransport | 2026-07-28",
        "/mcp | --protocol auto                      | StreamableHTTPClientTransport | 2026-07-28"})
    void everyModeListsTheToolsAndCallsAdd(String path, String options, String transport, String era) throws Exception {
        String token = TestTokens.minted(TestServer.awaitReady(), path.substring(1));
        List<String> arguments = new ArrayList<>(Arrays.asList(options.split(" ")));
        arguments.addAll(List.of("--header", "Authorization:Bearer " + token, "--debug"));
        boolean modern = "2026-07-28".equals(era);

        String log = listAndAdd(path.substring(1) + options.replace(' ', '_'), path, arguments, new HashMap<>(),
                modern ? null : "jakarta-mcp-math");
        assertTrue(log.contains("Connected to remote server using " + transport), log);
        assertEquals(modern, log.contains(MODERN), log);
        if (options.contains("sse-only --protocol auto")) {
            assertTrue(log.contains("the server offers no modern revision this proxy speaks (it offers 2025-11-25, 2025-06-18, "
                    + "2025-03-26, 2024-11-05)"), "the HTTP+SSE stream answered the probe with the legacy versions: " + log);
        }
    }

    private static String listAndAdd(String name, String path, List<String> options, Map<String, String> environment,
                                     String serverName) throws IOException {
        return McpRemote.listAndAdd(TestServer.awaitReady() + path, name, options, environment, serverName);
    }
}
