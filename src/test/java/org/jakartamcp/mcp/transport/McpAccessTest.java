package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scope an insufficient_scope challenge asks for: what the token has, and what the request needs besides. */
class McpAccessTest {

    @Test
    void aToolScopeIsAddedToTheGrantedScopes() {
        assertEquals("mcp:list mcp:call mcp:admin", McpAccess.challengeScope(List.of("mcp:list", "mcp:call"),
                ordered("mcp:call", "mcp:admin")));
    }

    @Test
    void theMethodsScopeComesInTheServersOrderWhateverTheTokensOrder() {
        assertEquals("mcp:list mcp:call", McpAccess.challengeScope(List.of("mcp:list"), ordered("mcp:call")));
        assertEquals("mcp:list mcp:call mcp:admin", McpAccess.challengeScope(List.of("mcp:call", "mcp:list"),
                ordered("mcp:admin", "mcp:call")));
    }

    @Test
    void otherGrantedScopesAreKeptAndNothingIsRepeated() {
        assertEquals("mcp:list mcp:call mcp:ops mcp:admin", McpAccess.challengeScope(List.of("mcp:ops", "mcp:call", "mcp:list", ""),
                ordered("mcp:call", "mcp:admin", "mcp:ops")));
    }

    @Test
    void aTokenWithoutScopesIsAskedForJustWhatTheRequestNeeds() {
        assertEquals("mcp:call mcp:admin", McpAccess.challengeScope(List.of(""), ordered("mcp:admin", "mcp:call")));
    }

    private static Set<String> ordered(String... scopes) {
        return new LinkedHashSet<>(List.of(scopes));
    }
}
