package org.jakartamcp.mcp.server.caching;

import static org.jakartamcp.platform.json.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jakartamcp.mcp.server.tools.GroupLimitedTools;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Caching hints over real stateless requests: the product's lists, server/discover and resources are public with
 * the TTLs they deserve, the calculation history is private and re-read each time; a deployment with tools limited
 * to groups answers tools/list privately, with the TTL its configuration gives; older sessions get no hints.
 */
@ExtendWith(ArquillianExtension.class)
class CachingHintsIT {

    private static final long DEPLOYMENT_TTL = 3_600_000;
    private static final long CONFIGURED_TTL = 120_000;

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive productWithGroupLimitedTools() {
        return Deployments.product("caching.war", Map.of("mcp.cache.deployment-ttl-ms", String.valueOf(CONFIGURED_TTL)))
                .addClass(GroupLimitedTools.class);
    }

    @Test
    void theProductsListsAndDiscoveryAreTheSameForEveryoneUntilTheNextDeployment() {
        McpHttp mcp = new McpHttp(TestServer.awaitReady() + "/mcp");
        for (String list : List.of("tools/list", "prompts/list", "resources/list", "resources/templates/list", "server/discover")) {
            assertHints(result(mcp.stateless(list, null, JsonObject.EMPTY_JSON_OBJECT)), DEPLOYMENT_TTL, "public", list);
        }
        assertHints(read(mcp, "units://symbols"), DEPLOYMENT_TTL, "public", "units://symbols");
        assertHints(read(mcp, "constants://pi/50"), DEPLOYMENT_TTL, "public", "constants://pi/50");
    }

    @Test
    void theCalculationHistoryIsPrivateAndReReadEachTime() {
        McpHttp mcp = new McpHttp(TestServer.awaitReady() + "/mcp");
        JsonObject history = read(mcp, "history://recent");
        assertHints(history, 0, "private", "history://recent");
        assertTrue(history.getJsonArray("contents").getJsonObject(0).getString("text").startsWith("["), history.toString());
    }

    @Test
    void errorsAndOlderSessionsGetNoHints() {
        McpHttp mcp = new McpHttp(TestServer.awaitReady() + "/mcp");
        HttpResponse<String> unknown = mcp.stateless("resources/read", "units://nothing", JSON.createObjectBuilder().add("uri", "units://nothing").build());
        JsonObject error = Http.json(unknown);
        assertTrue(error.containsKey("error") && !error.toString().contains("ttlMs"), unknown.body());
        assertHints(read(mcp, "units://symbols"), DEPLOYMENT_TTL, "public", "a normal read right after");

        String session = mcp.initialize("2025-11-25");
        JsonObject tools = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").getJsonObject("result");
        assertFalse(tools.containsKey("ttlMs") || tools.containsKey("cacheScope"), "2025-11-25 defines no caching hints: " + tools);
        assertFalse(tools.getJsonArray("tools").isEmpty());
    }

    @Test
    void aToolListFilteredByGroupsIsPrivateWithTheConfiguredTtl() {
        McpHttp member = mcpAs("administrator-" + System.nanoTime(), List.of("mcp-users", "mcp-administrators"));
        McpHttp other = mcpAs("user-" + System.nanoTime(), List.of("mcp-users"));
        JsonObject membersList = result(member.stateless("tools/list", null, JsonObject.EMPTY_JSON_OBJECT));
        JsonObject othersList = result(other.stateless("tools/list", null, JsonObject.EMPTY_JSON_OBJECT));
        assertHints(membersList, CONFIGURED_TTL, "private", "a member's tools/list");
        assertHints(othersList, CONFIGURED_TTL, "private", "another user's tools/list");
        assertNotEquals(names(membersList), names(othersList), "the list depends on who asks, which is why it is private");
        assertTrue(names(membersList).contains("administrators_only") && !names(othersList).contains("administrators_only"));
        assertHints(result(other.stateless("prompts/list", null, JsonObject.EMPTY_JSON_OBJECT)), CONFIGURED_TTL, "public",
                "prompts are the same for everyone");
    }

    private McpHttp mcpAs(String username, List<String> groups) {
        String token = new OAuthFlow(TestServer.awaitReady()).tokensThroughProvider(username, groups).getString("access_token");
        return new McpHttp(deployment.toString().replaceAll("/$", "") + "/mcp", token);
    }

    private static JsonObject read(McpHttp mcp, String uri) {
        return result(mcp.stateless("resources/read", uri, JSON.createObjectBuilder().add("uri", uri).build()));
    }

    private static JsonObject result(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        if (!(body.get("result") instanceof JsonObject result)) {
            throw new AssertionError(response.body());
        }
        assertEquals("complete", result.getString("resultType"), response.body());
        return result;
    }

    private static List<String> names(JsonObject toolsList) {
        return toolsList.getJsonArray("tools").getValuesAs(JsonObject.class).stream().map(tool -> tool.getString("name")).toList();
    }

    private static void assertHints(JsonObject result, long ttlMs, String scope, String what) {
        assertTrue(result.containsKey("ttlMs") && result.containsKey("cacheScope"), what + ": " + result);
        assertEquals(ttlMs, result.getJsonNumber("ttlMs").longValueExact(), what);
        assertEquals(scope, result.getString("cacheScope"), what);
    }
}
