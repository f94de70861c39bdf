package org.jakartamcp.mcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jakartamcp.mcp.server.Offered;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.tools.admin.ServerStatusTools;
import org.junit.jupiter.api.Test;

/** Which scopes a tool call needs besides mcp:call: the annotation's, unless the configuration says otherwise. */
class ToolScopesTest {

    public static class Fixtures {
        @Tool(description = "open")
        public String plain() {
            return "plain";
        }

        @Tool(description = "needs two", scopes = {"mcp:billing", "mcp:admin"})
        public String billing() {
            return "billing";
        }
    }

    @Test
    void theAnnotationNamesTheScopes() {
        ToolRegistry registry = PlainTools.registry(Map.of(), Fixtures.class, ServerStatusTools.class);
        assertEquals(Set.of(), registry.scopesOf("plain"));
        assertEquals(List.of("mcp:admin", "mcp:billing"), List.copyOf(registry.scopesOf("billing")));
        assertEquals(Set.of("mcp:admin"), registry.scopesOf("server_status"));
        assertEquals(Set.of(), registry.scopesOf("no_such_tool"));
    }

    @Test
    void theConfigurationOverridesThemAndNoneRemovesThem() {
        ToolRegistry registry = PlainTools.registry(Map.of("mcp.tool-scopes.plain", "mcp:ops", "mcp.tool-scopes.billing", "none",
                "mcp.tool-scopes.server_status", "mcp:ops, mcp:admin"), Fixtures.class, ServerStatusTools.class);
        assertEquals(Set.of("mcp:ops"), registry.scopesOf("plain"));
        assertEquals(Set.of(), registry.scopesOf("billing"));
        assertEquals(Set.of("mcp:admin", "mcp:ops"), registry.scopesOf("server_status"));
    }

    @Test
    void theLandingPageNamesOnlyToolsEveryoneMayCall() {
        ToolRegistry registry = PlainTools.registry(Map.of(), Fixtures.class, ServerStatusTools.class);
        assertEquals(List.of("plain"), registry.openToEveryone().stream().map(Offered::name).toList());
    }

    @Test
    void eachScopeIsDescribedByTheToolsItOpens() {
        ToolScopes scopes = new ToolScopes();
        scopes.registry = PlainTools.registry(Map.of(), Fixtures.class, ServerStatusTools.class);
        assertEquals(Map.of("mcp:admin", "Use the administrators' tools (mcp:admin): billing, server_status",
                "mcp:billing", "Use the tools that need the permission mcp:billing: billing"), scopes.describedScopes());
    }
}
