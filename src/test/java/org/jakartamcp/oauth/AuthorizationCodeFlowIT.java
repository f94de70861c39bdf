package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The authorization code flow with PKCE through the real sign-in and consent pages, over HTTP. */
class AuthorizationCodeFlowIT {

    private final String base = TestServer.awaitReady();
    private final OAuthFlow flow = new OAuthFlow(base);

    @Test
    void signInAllowRedeemAndRefresh() {
        String clientId = flow.registerPublicClient("Flow test");
        OAuthFlow.Pkce pkce = flow.pkce();
        String authorizeUrl = flow.authorizeUrl(clientId, pkce, Map.of("state", "xyz{1}"));

        HttpResponse<String> login = flow.follow(flow.open(authorizeUrl));
        assertTrue(login.uri().getPath().endsWith("/login.xhtml"), login.uri().toString());
        assertTrue(login.body().contains("Flow test"), "the sign-in page names the client");
        HttpResponse<String> consent = flow.follow(flow.signIn(login, "admin", TestServer.adminPassword()));
        assertTrue(consent.uri().getPath().endsWith("/consent.xhtml"), consent.uri() + " " + consent.body());
        assertTrue(consent.body().contains("Call the tools on your behalf"), consent.body());
        assertTrue(consent.body().contains("127.0.0.1:9"), "the consent page names where the user is sent");

        String redirect = OAuthFlow.location(flow.decide(consent, "allow"));
        assertTrue(redirect.startsWith(OAuthFlow.REDIRECT_URI + "?"), redirect);
        Map<String, String> answer = OAuthFlow.query(redirect);
        assertEquals("xyz{1}", answer.get("state"));
        assertEquals(base, answer.get("iss"), "RFC 9207");

        HttpResponse<String> tokenResponse = flow.redeem(clientId, answer.get("code"), pkce.verifier());
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        assertEquals("no-store", tokenResponse.headers().firstValue("Cache-Control").orElse(null));
        JsonObject tokens = Http.json(tokenResponse);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals("mcp:list mcp:call", tokens.getString("scope"));
        JsonObject claims = claims(tokens.getString("access_token"));
        assertEquals(base, claims.getString("iss"));
        assertEquals(base + "/mcp", claims.getString("aud"));
        assertEquals("admin", claims.getString("upn"));
        assertEquals(clientId, claims.getString("client_id"));

        HttpResponse<String> refreshed = flow.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", tokens.getString("refresh_token")));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertFalse(Http.json(refreshed).getString("refresh_token").equals(tokens.getString("refresh_token")), "rotated");
    }

    static JsonObject claims(String jwt) {
        return Http.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
    }
}
