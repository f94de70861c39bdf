package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jakartamcp.testing.PlainBeans;
import org.junit.jupiter.api.Test;

/** The scopes the authorization server offers: its own two first, then the tools', each with its description. */
class SupportedScopesTest {

    @Test
    void theToolsScopesFollowMcpListAndMcpCall() {
        SupportedScopes scopes = scopes(Map.of("mcp:admin", "Use the administrators' tools (mcp:admin): server_status"));
        assertEquals(List.of("mcp:list", "mcp:call", "mcp:admin"), scopes.all());
        assertEquals("Use the administrators' tools (mcp:admin): server_status", scopes.description("mcp:admin"));
        assertEquals("Call the tools on your behalf", scopes.description("mcp:call"));
        assertTrue(scopes.isSupported("mcp:admin"));
        assertFalse(scopes.isSupported("admin"));
    }

    @Test
    void scopesAreWrittenInTheServersOrderWithoutUnknownOnes() {
        SupportedScopes scopes = scopes(Map.of("mcp:admin", "admin tools"));
        assertEquals("mcp:list mcp:call mcp:admin", scopes.ordered(Set.of("mcp:admin", "admin", "mcp:call", "mcp:list")));
        assertEquals("mcp:call", scopes.ordered(List.of("mcp:call")));
    }

    @Test
    void aScopeThatIsNoScopeTokenIsNotOffered() {
        SupportedScopes scopes = scopes(Map.of("with space", "x", "quote\"d", "y", "mcp:ops", "ops tools"));
        assertEquals(List.of("mcp:list", "mcp:call", "mcp:ops"), scopes.all());
        assertFalse(SupportedScopes.isScopeToken("back\\slash"));
        assertFalse(SupportedScopes.isScopeToken(""));
        assertTrue(SupportedScopes.isScopeToken("https://example.com/scope!"));
    }

    private static SupportedScopes scopes(Map<String, String> toolScopes) {
        SupportedScopes scopes = new SupportedScopes();
        scopes.sources = PlainBeans.instances(List.of(() -> new java.util.TreeMap<>(toolScopes)));
        scopes.collect();
        return scopes;
    }
}
