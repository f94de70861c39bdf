package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the client credentials grant that need no database: who may use it, and which scope a token gets. */
class ClientCredentialsGrantTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T05:00:00Z");

    @Test
    void noScopeAskedIsEveryRegisteredScope() {
        assertEquals("mcp:list mcp:call", ClientCredentialsGrant.scope(null, "mcp:call mcp:list"));
        assertEquals("mcp:list", ClientCredentialsGrant.scope("  ", "mcp:list"));
    }

    @Test
    void aClientMayNarrowItsScopeButNotWidenIt() {
        assertEquals("mcp:call", ClientCredentialsGrant.scope("mcp:call", "mcp:list mcp:call"));
        assertEquals("mcp:list mcp:call", ClientCredentialsGrant.scope("mcp:call  mcp:list", "mcp:list mcp:call"));
        OAuthException wider = assertThrows(OAuthException.class, () -> ClientCredentialsGrant.scope("mcp:list mcp:call", "mcp:list"));
        assertEquals("invalid_scope", wider.error());
        assertEquals("This client may ask only for mcp:list", wider.getMessage());
        OAuthException unknown = assertThrows(OAuthException.class, () -> ClientCredentialsGrant.scope("admin", "mcp:list mcp:call"));
        assertEquals("invalid_scope", unknown.error());
        assertEquals("mcp:list", ClientCredentialsGrant.scope("mcp:list", "mcp:list"), "a normal request right after");
    }

    @Test
    void aClientWithoutScopesGetsNoToken() {
        OAuthException none = assertThrows(OAuthException.class, () -> ClientCredentialsGrant.scope(null, null));
        assertEquals("invalid_scope", none.error());
    }

    @Test
    void onlyServiceClientsMayUseTheGrant() {
        ClientCredentialsGrant grant = new ClientCredentialsGrant();
        OAuthClient publicClient = new OAuthClient("public", null, "Public", null, List.of("http://127.0.0.1/cb"), OAuthClient.PUBLIC,
                null, NOW);
        OAuthClient confidential = new OAuthClient("dcr", "0".repeat(64), "Registered", null, List.of("https://app.example/cb"),
                "client_secret_basic", "mcp:list mcp:call", NOW);
        for (OAuthClient client : List.of(publicClient, confidential)) {
            OAuthException refused = assertThrows(OAuthException.class, () -> grant.issue(client, null, null));
            assertEquals("unauthorized_client", refused.error(), client.clientId());
            assertEquals(400, refused.status());
        }
    }

    @Test
    void aServiceClientIsConfidentialWithoutRedirectUrisAndCountsAsUsed() {
        OAuthClient service = OAuthClient.serviceClient("svc", "0".repeat(64), "CI", "mcp:call", NOW);
        assertEquals(true, service.isServiceClient());
        assertEquals(false, service.isPublic());
        assertEquals(List.of(), service.redirectUris(), "no URI an authorization request could name");
        assertEquals(NOW, service.firstGrantedAt, "housekeeping deletes clients never granted anything");
    }
}
