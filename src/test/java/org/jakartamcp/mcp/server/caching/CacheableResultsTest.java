package org.jakartamcp.mcp.server.caching;

import static org.jakartamcp.platform.json.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.PlainMcpServer;
import org.jakartamcp.mcp.server.tools.GroupLimitedTools;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;
import org.junit.jupiter.api.Test;

/**
 * The caching hints on the results of the real method handlers: on every cacheable result of 2026-07-28, private
 * where the content depends on the caller, and none in the older revisions' sessions.
 */
class CacheableResultsTest {

    private static final Caller ALICE = new Caller("alice", Set.of("mcp-users"));
    private static final List<String> LISTS = List.of("tools/list", "prompts/list", "resources/list", "resources/templates/list");

    private final PlainMcpServer server = new PlainMcpServer();

    @Test
    void everyCacheableResultOfTheStatelessProtocolCarriesHints() {
        McpSession stateless = McpSession.stateless("alice", null, JsonObject.EMPTY_JSON_OBJECT);
        for (String list : LISTS) {
            assertHints(result(server, stateless, list, JsonObject.EMPTY_JSON_OBJECT), 3_600_000, "public", list);
        }
        assertHints(result(server, stateless, "server/discover", JsonObject.EMPTY_JSON_OBJECT), 3_600_000, "public", "server/discover");
        assertHints(result(server, stateless, "resources/read", uri("units://symbols")), 3_600_000, "public", "units://symbols");
        assertHints(result(server, stateless, "resources/read", uri("constants://pi/10")), 3_600_000, "public", "constants://pi/10");
    }

    @Test
    void aToolListFilteredByGroupsIsPrivateOnEveryPage() {
        PlainMcpServer withGroups = new PlainMcpServer(new GroupLimitedTools());
        McpSession stateless = McpSession.stateless("alice", null, JsonObject.EMPTY_JSON_OBJECT);
        JsonObject page = result(withGroups, stateless, "tools/list", JsonObject.EMPTY_JSON_OBJECT);
        int pages = 1;
        assertHints(page, 3_600_000, "private", "first page");
        while (page.containsKey("nextCursor")) {
            page = result(withGroups, stateless, "tools/list", JSON.createObjectBuilder().add("cursor", page.getString("nextCursor")).build());
            assertHints(page, 3_600_000, "private", "page " + ++pages);
        }
        assertTrue(pages > 1, "the plain server's pages hold 5 tools: " + pages);
        assertHints(result(withGroups, stateless, "prompts/list", JsonObject.EMPTY_JSON_OBJECT), 3_600_000, "public",
                "prompts are not filtered");
    }

    @Test
    void sessionsOfOlderRevisionsGetNoHintsButServerDiscoverDoes() {
        for (ProtocolVersion version : List.of(ProtocolVersion.V2024_11_05, ProtocolVersion.V2025_06_18, ProtocolVersion.V2025_11_25)) {
            McpSession session = server.open("alice");
            try {
                result(server, session, "initialize", JSON.createObjectBuilder().add("protocolVersion", version.id())
                        .add("capabilities", JsonObject.EMPTY_JSON_OBJECT).build());
                for (String list : LISTS) {
                    JsonObject result = result(server, session, list, JsonObject.EMPTY_JSON_OBJECT);
                    assertFalse(result.containsKey("ttlMs") || result.containsKey("cacheScope"), version + " " + list + ": " + result);
                }
                JsonObject read = result(server, session, "resources/read", uri("units://symbols"));
                assertFalse(read.containsKey("ttlMs") || read.containsKey("cacheScope"), version + ": " + read);
                assertHints(result(server, session, "server/discover", JsonObject.EMPTY_JSON_OBJECT), 3_600_000, "public",
                        "server/discover in a " + version + " session");
            } finally {
                server.close(session);
            }
        }
    }

    @Test
    void errorsCarryNoHints() {
        McpSession stateless = McpSession.stateless("alice", null, JsonObject.EMPTY_JSON_OBJECT);
        JsonObject response = server.dispatch(new JsonRpcMessage.Request(JSON.createValue(7), "resources/read", uri("units://nothing")),
                stateless, ALICE).orElseThrow();
        assertTrue(response.containsKey("error"), response.toString());
        assertFalse(response.toString().contains("ttlMs"), response.toString());
    }

    private static JsonObject uri(String uri) {
        return JSON.createObjectBuilder().add("uri", uri).build();
    }

    private static JsonObject result(PlainMcpServer server, McpSession session, String method, JsonObject params) {
        JsonObject response = server.dispatch(new JsonRpcMessage.Request(JSON.createValue(1), method, params), session, ALICE).orElseThrow();
        if (!(response.get("result") instanceof JsonObject result)) {
            throw new AssertionError(method + ": " + response);
        }
        return result;
    }

    private static void assertHints(JsonObject result, long ttlMs, String scope, String what) {
        assertTrue(result.containsKey("ttlMs") && result.containsKey("cacheScope"), what + ": " + result);
        assertEquals(ttlMs, result.getJsonNumber("ttlMs").longValueExact(), what);
        assertEquals(scope, result.getString("cacheScope"), what);
    }
}
