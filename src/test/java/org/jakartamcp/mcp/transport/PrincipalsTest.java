package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jakartamcp.mcp.spi.Caller;
import org.junit.jupiter.api.Test;

/** A caller is a machine only when its verified token says it was issued by the client credentials grant. */
class PrincipalsTest {

    @Test
    void aClientCredentialsTokenIsAMachineCaller() {
        Caller caller = Principals.caller(security(Map.of("sub", "svc-id", "gty", Json.createValue("client-credentials"))));
        assertTrue(caller.machine());
        assertEquals("svc-id", caller.principal());
        assertEquals(Set.of(), caller.groups());
    }

    @Test
    void aPersonsTokenOrAnotherMarkerIsNot() {
        Caller person = Principals.caller(security(Map.of("upn", "alice", "groups", Set.of("mcp-users"))));
        assertFalse(person.machine());
        assertEquals("alice", person.principal());
        assertEquals(Set.of("mcp-users"), person.groups());
        assertFalse(Principals.caller(security(Map.of("upn", "bob", "gty", Json.createValue("password")))).machine());
        assertFalse(Principals.caller(null).machine(), "open access: anonymous");
    }

    private static SecurityContext security(Map<String, Object> claims) {
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.getOrDefault("upn", claims.get("sub"));
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return token;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}
