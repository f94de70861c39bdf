package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestPaths;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The MCP endpoints take only valid access tokens for this server, in the Authorization header,
 * with the scope the message needs. Forged tokens are signed here with the server's real key
 * (read from the database), so that only the claim under test is wrong.
 */
class ResourceProtectionIT {

    private final String base = TestServer.awaitReady();
    private final OAuthFlow flow = new OAuthFlow(base);

    @Test
    void withoutATokenTheChallengeNamesTheResourceMetadata() {
        HttpResponse<String> mcp = Http.sendAsIs(initialize(base + "/mcp").build());
        assertEquals(401, mcp.statusCode());
        assertEquals("Bearer resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\", scope=\"mcp:list mcp:call\"",
                mcp.headers().firstValue("WWW-Authenticate").orElse(null));
        assertTrue(Http.json(mcp).getJsonObject("error").getString("message").startsWith("Unauthorized"), mcp.body());

        HttpResponse<String> sse = Http.sendAsIs(HttpRequest.newBuilder(URI.create(base + "/sse"))
                .header("Accept", "text/event-stream").GET().build());
        assertEquals(401, sse.statusCode());
        assertTrue(sse.headers().firstValue("WWW-Authenticate").orElse("").contains("/.well-known/oauth-protected-resource/sse"));

        HttpResponse<String> ssePost = Http.sendAsIs(initialize(base + "/sse").build());
        assertEquals(401, ssePost.statusCode(), "Streamable HTTP at /sse is /sse's resource: " + ssePost.body());
        assertEquals("Bearer resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/sse\", scope=\"mcp:list mcp:call\"",
                ssePost.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void expiredTamperedForeignAndWrongAudienceTokensAreRefused() throws Exception {
        RSAKey key = TestTokens.signingKey();
        Instant now = Instant.now();
        assertEquals(200, withToken(TestTokens.sign(key, claims(now).build())).statusCode(), "the forging itself is right");
        assertInvalid(TestTokens.sign(key, claims(now).expirationTime(Date.from(now.minusSeconds(600))).build()), "expired");
        // Liberty's default leeway is 5 minutes; the configured one is 30 s (mp.jwt.verify.clock.skew)
        assertInvalid(TestTokens.sign(key, claims(now).expirationTime(Date.from(now.minusSeconds(60))).build()), "expired beyond the clock skew");
        assertInvalid(TestTokens.sign(key, claims(now).audience("https://elsewhere.example/mcp").build()), "wrong audience");
        assertInvalid(TestTokens.sign(key, claims(now).issuer("https://elsewhere.example").build()), "wrong issuer");
        assertInvalid(TestTokens.sign(new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(key.getKeyID()).generate(), claims(now).build()),
                "signed with another key under the same kid");
        String valid = flow.tokens().getString("access_token");
        String[] parts = valid.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"admin\"", "\"root\"");
        assertInvalid(parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2],
                "tampered payload");
        assertInvalid("not-a-jwt", "garbage");
        String log = Files.readString(TestPaths.testServerLog());
        assertFalse(log.contains(parts[2]), "a rejected token's signature is not in messages.log");
    }

    @Test
    void aRevokedGrantsTokensStopWorkingWithinSeconds() {
        JsonObject tokens = flow.tokens();
        String access = tokens.getString("access_token");
        assertEquals(200, withToken(access).statusCode());
        String clientId = AuthorizationCodeFlowIT.claims(access).getString("client_id");
        HttpResponse<String> revoked = revoke(tokens.getString("refresh_token"), clientId);
        assertEquals(200, revoked.statusCode(), revoked.body());
        Eventually.await("the revoked grant's token refused", Duration.ofSeconds(5), () -> withToken(access).statusCode(),
                status -> status == 401);
    }

    /** RFC 7009 2: an access token can be revoked too; it ends its grant, and the check refuses it with the next request. */
    @Test
    void anAccessTokenRevokedAtTheRevocationEndpointIsRefusedAtOnce() {
        JsonObject tokens = flow.tokens();
        String access = tokens.getString("access_token");
        String clientId = AuthorizationCodeFlowIT.claims(access).getString("client_id");
        assertEquals(200, withToken(access).statusCode());

        HttpResponse<String> revoked = revoke(access, clientId);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(401, withToken(access).statusCode(), "refused at once, not when it expires");
        HttpResponse<String> refresh = flow.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", tokens.getString("refresh_token")));
        assertEquals(400, refresh.statusCode(), "the grant's refresh token ends with it: " + refresh.body());
        assertEquals(200, revoke(access, clientId).statusCode(), "revoking again is no error");
        assertEquals(200, revoke("not-a-token-of-this-server", clientId).statusCode(), "an unknown token is ignored (RFC 7009 2.2)");

        assertEquals(200, withToken(flow.tokens().getString("access_token")).statusCode(), "a new grant works");
    }

    /** RFC 7009 2.1: the server verifies that the token was issued to the client asking; another client's token is refused. */
    @Test
    void anotherClientsTokenIsRefusedAndStaysValid() {
        JsonObject tokens = flow.tokens();
        String access = tokens.getString("access_token");
        String owner = AuthorizationCodeFlowIT.claims(access).getString("client_id");
        String other = flow.registerPublicClient("Other client");

        for (String token : List.of(access, tokens.getString("refresh_token"))) {
            HttpResponse<String> refused = revoke(token, other);
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("invalid_grant", Http.json(refused).getString("error"), refused.body());
            assertTrue(Http.json(refused).getString("error_description").contains("another client"), refused.body());
        }
        assertEquals(200, withToken(access).statusCode(), "the token stays valid");
        HttpResponse<String> refresh = flow.token(Map.of("grant_type", "refresh_token", "client_id", owner,
                "refresh_token", tokens.getString("refresh_token")));
        assertEquals(200, refresh.statusCode(), "its refresh token too: " + refresh.body());

        assertEquals(200, revoke(Http.json(refresh).getString("refresh_token"), owner).statusCode(), "its own client may revoke it");
        assertEquals(401, withToken(access).statusCode());
    }

    private HttpResponse<String> revoke(String token, String clientId) {
        return flow.revoke(token, clientId);
    }

    @Test
    void aTokenWithoutTheCallScopeMayListButNotCall() {
        String clientId = flow.registerPublicClient("List only");
        OAuthFlow.Pkce pkce = flow.pkce();
        HttpResponse<String> login = flow.follow(flow.open(flow.authorizeUrl(clientId, pkce, Map.of("scope", "mcp:list"))));
        HttpResponse<String> consent = flow.follow(flow.signIn(login, "admin", TestServer.adminPassword()));
        String code = OAuthFlow.query(OAuthFlow.location(flow.decide(consent, "allow"))).get("code");
        String token = Http.json(flow.redeem(clientId, code, pkce.verifier())).getString("access_token");

        McpHttp mcp = new McpHttp(base + "/mcp", token);
        String session = mcp.initialize("2025-11-25");
        assertEquals(200, mcp.call(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").statusCode());
        HttpResponse<String> call = mcp.call(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2}}}");
        assertEquals(403, call.statusCode(), call.body());
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"mcp:list mcp:call\", resource_metadata=\"" + base
                + "/.well-known/oauth-protected-resource/mcp\"", call.headers().firstValue("WWW-Authenticate").orElse(null));
        assertTrue(call.body().contains("needs the scope mcp:call"), call.body());
        assertEquals(3, Http.json(call).getInt("id"), "the refusal carries the request's id");

        // deny by default: a method no handler declares needs the strongest scope
        HttpResponse<String> unknown = mcp.call(session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/destroy\"}");
        assertEquals(403, unknown.statusCode(), unknown.body());
        assertEquals(4, Http.json(unknown).getInt("id"));
        assertEquals(200, mcp.call(session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"prompts/list\"}").statusCode(),
                "listing still works after the refusals");
    }

    @Test
    void aTokenInTheQueryStringIsRefused() {
        String token = flow.tokens().getString("access_token");
        HttpResponse<String> response = Http.sendAsIs(initialize(base + "/mcp?access_token=" + token).build());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("query string are refused"), response.body());
    }

    @Test
    void anotherSpellingOfTheEndpointPathDoesNotPassTheCheck() {
        HttpResponse<String> sse = Http.sendAsIs(HttpRequest.newBuilder(URI.create(base + "/sse;x=1"))
                .header("Accept", "text/event-stream").GET().build());
        assertEquals(401, sse.statusCode(), sse.body());
        HttpResponse<String> mcp = Http.sendAsIs(initialize(base + "/mcp;x=1").build());
        assertEquals(401, mcp.statusCode(), mcp.body());
    }

    @Test
    void aTokenForOneEndpointDoesNotOpenTheOther() {
        String sseToken = flow.tokensFor(base + "/sse").getString("access_token");
        assertEquals(base + "/sse", AuthorizationCodeFlowIT.claims(sseToken).getString("aud"));
        assertEquals(401, withToken(sseToken).statusCode(), "RFC 8707: issued for /sse, refused at /mcp");
        HttpResponse<String> mcpTokenAtSse = Http.sendAsIs(initialize(base + "/sse")
                .header("Authorization", "Bearer " + TestTokens.minted(base, "mcp")).build());
        assertEquals(401, mcpTokenAtSse.statusCode(), "issued for /mcp, refused by Streamable HTTP at /sse: " + mcpTokenAtSse.body());
        assertEquals(200, Http.sendAsIs(initialize(base + "/sse").header("Authorization", "Bearer " + sseToken).build()).statusCode(),
                "the /sse token opens a session there");
    }

    @Test
    void discoveryIgnoresAStaleToken() {
        HttpResponse<String> response = Http.sendAsIs(HttpRequest.newBuilder(URI.create(base + "/.well-known/oauth-authorization-server"))
                .header("Authorization", "Bearer not-a-jwt").build());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty(), response.headers().toString());
    }

    private void assertInvalid(String token, String what) {
        HttpResponse<String> response = withToken(token);
        assertEquals(401, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer error=\"invalid_token\""),
                what + ": " + response.headers());
    }

    private HttpResponse<String> withToken(String token) {
        return Http.sendAsIs(initialize(base + "/mcp").header("Authorization", "Bearer " + token).build());
    }

    private static HttpRequest.Builder initialize(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("Accept", McpHttp.ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(McpHttp.initializeRequest(1, "2025-11-25")));
    }

    private JWTClaimsSet.Builder claims(Instant now) {
        return TestTokens.claims(base, "mcp").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }
}
