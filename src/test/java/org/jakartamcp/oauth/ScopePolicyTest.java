package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jakartamcp.identity.User;
import org.jakartamcp.testing.PlainBeans;
import org.junit.jupiter.api.Test;

/** Who may hold which scope: mcp:list anyone, mcp:call the call groups, a tool's scope administrators and its groups. */
class ScopePolicyTest {

    private static final User ADMINISTRATOR = new User(1, "admin", "Admin", true, List.of(), null);
    private static final User OPERATOR = new User(2, "olga", "Olga", false, List.of("operators", "mcp-users"), null);
    private static final User USER = new User(3, "ulf", "Ulf", false, List.of("mcp-users"), null);

    @Test
    void byDefaultAToolsScopeIsForAdministratorsOnly() {
        ScopePolicy policy = policy(Map.of());
        assertTrue(policy.mayHave("mcp:admin", ADMINISTRATOR));
        assertFalse(policy.mayHave("mcp:admin", OPERATOR));
        assertTrue(policy.mayHave("mcp:call", USER));
        assertTrue(policy.mayHave("mcp:list", USER));
        assertEquals("mcp:list mcp:call", policy.narrow("mcp:list mcp:call mcp:admin", USER));
        assertEquals("mcp:list mcp:call mcp:admin", policy.narrow("mcp:list mcp:call mcp:admin", ADMINISTRATOR));
    }

    @Test
    void theScopesGroupsMayHoldItToo() {
        ScopePolicy policy = policy(Map.of("auth.scope-groups.mcp:admin", "operators,auditors"));
        assertTrue(policy.mayHave("mcp:admin", OPERATOR));
        assertTrue(policy.mayHave("mcp:admin", ADMINISTRATOR), "administrators still may");
        assertFalse(policy.mayHave("mcp:admin", USER));
        assertFalse(policy.mayHave("mcp:ops", OPERATOR), "groups are per scope");
        assertEquals("The permission mcp:admin is only for administrators and members of operators, auditors; "
                + "this application cannot use the tools that need it for you.", policy.withheldBecause("mcp:admin"));
    }

    @Test
    void callGroupsLimitMcpCallOnly() {
        ScopePolicy policy = policy(Map.of("auth.call-groups", "operators"));
        assertFalse(policy.mayHave("mcp:call", USER));
        assertTrue(policy.mayHave("mcp:call", OPERATOR));
        assertEquals("mcp:list", policy.narrow("mcp:list mcp:call", USER));
        assertEquals("Calling tools is only for members of operators; this application will see the tools but cannot call "
                + "them for you.", policy.withheldBecause("mcp:call"));
    }

    private static ScopePolicy policy(Map<String, String> settings) {
        ScopePolicy policy = new ScopePolicy();
        policy.config = PlainBeans.config(settings);
        policy.readLists();
        return policy;
    }
}
