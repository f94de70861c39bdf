package org.jakartamcp.mcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tools limited to groups: by {@code @RolesAllowed} in code (the fixture's administrators_only) and
 * by configuration (factorize limited to number-theorists; opened_by_configuration opened to everyone
 * although its code limits it). The callers are people the company's identity provider signs in,
 * with the groups it reports.
 */
@ExtendWith(ArquillianExtension.class)
class ToolGroupsIT {

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive productWithGroupLimitedTools() {
        return Deployments.product("tool-groups.war", Map.of("mcp.tool-groups.factorize", "number-theorists",
                        "mcp.tool-groups.opened_by_configuration", "*"))
                .addClasses(GroupLimitedTools.class, AdministratorsToolsBase.class, InheritedGroupLimitedTools.class);
    }

    @Test
    void othersDoNotSeeTheToolAndAreToldWhyTheyCannotCallIt() {
        String user = "user-" + System.nanoTime();
        McpHttp mcp = mcpAs(user, List.of("mcp-users"));
        String session = mcp.initialize("2025-11-25");
        List<String> tools = toolNames(mcp, session);
        assertTrue(tools.contains("add") && tools.contains("opened_by_configuration"), tools.toString());
        assertFalse(tools.contains("administrators_only"), tools.toString());
        assertFalse(tools.contains("inherited_administrators_only"), "limited by the class that declares it: " + tools);
        assertFalse(tools.contains("factorize"), tools.toString());

        JsonObject refused = call(mcp, session, "administrators_only");
        assertTrue(refused.getBoolean("isError"), refused.toString());
        assertEquals("Tool 'administrators_only' is only for members of mcp-administrators; " + user
                + " is not in any of them. Ask your administrator for access.", text(refused));
        assertEquals("open", text(call(mcp, session, "opened_by_configuration")));
    }

    /** The landing page is public: it names the tools anyone may call, not those limited to groups. */
    @Test
    void theLandingPageNamesOnlyTheToolsOpenToEveryone() {
        String page = Http.get(deployment.toString()).body();
        assertTrue(page.contains("<code>opened_by_configuration</code>"), page);
        assertTrue(page.contains("<code>add</code>"), page);
        assertFalse(page.contains("administrators_only"), page);
        assertFalse(page.contains("<code>factorize</code>"), page);
    }

    /** A caller who keeps calling a tool they may not use leaves one audit row per repeat window, with the count. */
    @Test
    void repeatedRefusalsAreOneCountedAuditRow() throws SQLException {
        String user = "refused-" + System.nanoTime();
        McpHttp mcp = mcpAs(user, List.of("mcp-users"));
        String session = mcp.initialize("2025-11-25");
        int calls = 20;
        long firstWindow = Instant.now().getEpochSecond() / 600;
        for (int i = 0; i < calls; i++) {
            assertTrue(call(mcp, session, "administrators_only").getBoolean("isError"));
        }
        long windows = Instant.now().getEpochSecond() / 600 - firstWindow + 1;
        List<Long> counts = new ArrayList<>();
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement query = connection.prepareStatement("select occurrences from audit_event where type = 'tool.refused' and actor = ?")) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(rows.getLong(1));
                }
            }
        }
        assertEquals(windows, counts.size(), "one row per window of audit.repeat-window-seconds (600): " + counts);
        assertEquals(calls, counts.stream().mapToLong(Long::longValue).sum(), counts.toString());
        assertEquals("open", text(call(mcp, session, "opened_by_configuration")), "an allowed call right after");
    }

    @Test
    void membersSeeAndCallIt() {
        String administrator = "administrator-" + System.nanoTime();
        McpHttp mcp = mcpAs(administrator, List.of("mcp-users", "mcp-administrators"));
        String session = mcp.initialize("2025-11-25");
        assertTrue(toolNames(mcp, session).containsAll(List.of("administrators_only", "inherited_administrators_only")));
        JsonObject result = call(mcp, session, "administrators_only");
        assertFalse(result.getBoolean("isError", false), result.toString());
        assertEquals("hello " + administrator, text(result));

        JsonObject factorize = call(mcp, session, "factorize");
        assertTrue(text(factorize).contains("only for members of number-theorists"), "the configuration limits it: " + factorize);
    }

    private McpHttp mcpAs(String username, List<String> groups) {
        String token = new OAuthFlow(TestServer.awaitReady()).tokensThroughProvider(username, groups).getString("access_token");
        return new McpHttp(deployment.toString().replaceAll("/$", "") + "/mcp", token);
    }

    private static List<String> toolNames(McpHttp mcp, String session) {
        return mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").getJsonObject("result")
                .getJsonArray("tools").getValuesAs(JsonObject.class).stream().map(tool -> tool.getString("name")).toList();
    }

    private static JsonObject call(McpHttp mcp, String session, String tool) {
        String arguments = "factorize".equals(tool) ? "{\"n\":12}" : "{}";
        return mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}").getJsonObject("result");
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }
}
