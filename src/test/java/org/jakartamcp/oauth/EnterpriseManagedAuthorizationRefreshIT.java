package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jakartamcp.testing.CompanyIdentityProvider;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With oauth.id-jag.refresh-tokens=true a redeemed ID-JAG also gets a refresh token, which refreshes like any other. */
@ExtendWith(ArquillianExtension.class)
class EnterpriseManagedAuthorizationRefreshIT {

    private static final String APP = TestServer.baseUrl() + "/idjag-refresh";

    @Deployment(testable = false)
    static WebArchive withRefreshTokens() {
        return Deployments.product("idjag-refresh.war", Map.of("oauth.issuer", APP,
                "oauth.id-jag.issuers", CompanyIdentityProvider.issuerOf(CompanyIdentityProvider.ENTERPRISE_ID),
                "oauth.id-jag.refresh-tokens", "true"));
    }

    @Test
    void aRedeemedIdJagGetsARefreshTokenThatWorks() {
        OAuthFlow oauth = new OAuthFlow(APP);
        String clientId = oauth.registerPublicClient("Enterprise app with refresh");
        String assertion = CompanyIdentityProvider.assertion(CompanyIdentityProvider.ENTERPRISE_ID, UUID.randomUUID().toString(),
                "oauth-id-jag+jwt", APP, Map.of("client_id", clientId, "resource", APP + "/mcp", "scope", "mcp:list mcp:call",
                        "preferred_username", "rita-" + System.nanoTime(), "groups", List.of("mcp-users")), 300);
        HttpResponse<String> redeemed = oauth.token(Map.of("grant_type", IdJagGrant.GRANT_TYPE, "client_id", clientId, "assertion", assertion));
        assertEquals(200, redeemed.statusCode(), redeemed.body());
        JsonObject tokens = Http.json(redeemed);

        HttpResponse<String> refreshed = oauth.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", tokens.getString("refresh_token")));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonObject next = Http.json(refreshed);
        assertNotEquals(tokens.getString("refresh_token"), next.getString("refresh_token"));
        assertEquals("mcp:list mcp:call", next.getString("scope"));
        assertEquals(200, McpHttp.initializeStatus(APP, next.getString("access_token")));
    }
}
