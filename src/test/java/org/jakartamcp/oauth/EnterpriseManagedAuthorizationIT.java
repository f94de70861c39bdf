package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jakartamcp.testing.CompanyIdentityProvider;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enterprise-Managed Authorization end to end: the company's identity provider (a real one over HTTP,
 * started by the test: {@link CompanyIdentityProvider}) issues an ID-JAG for a user, the client redeems it
 * at /token with the JWT bearer grant and calls a tool over /mcp, with no browser. The test server's root
 * application trusts the provider's "enterprise" issuer (oauth.id-jag.issuers), lets only members of
 * mcp-users in, and issues no refresh token for an ID-JAG (the default).
 */
class EnterpriseManagedAuthorizationIT {

    private static final String TYP = "oauth-id-jag+jwt";

    private String base;
    private OAuthFlow oauth;
    private String clientId;
    private String subject;
    private String username;

    @BeforeEach
    void registerClientAndUser() {
        base = TestServer.awaitReady();
        oauth = new OAuthFlow(base);
        clientId = oauth.registerPublicClient("Enterprise app");
        subject = UUID.randomUUID().toString();
        username = "emma-" + System.nanoTime();
    }

    @Test
    void theAuthorizationServerAndTheMcpServerSayTheyTakeIdJags() {
        JsonObject metadata = Http.json(Http.get(base + "/.well-known/oauth-authorization-server"));
        assertTrue(strings(metadata, "grant_types_supported").contains("urn:ietf:params:oauth:grant-type:jwt-bearer"), metadata.toString());
        assertEquals(List.of("urn:ietf:params:oauth:grant-profile:id-jag"), strings(metadata, "authorization_grant_profiles_supported"));

        String token = Http.json(redeem(goodAssertion())).getString("access_token");
        McpHttp mcp = new McpHttp(base + "/mcp", token);
        JsonObject initialize = Http.json(mcp.send(mcp.post(McpHttp.initializeRequest(1, "2025-11-25"))));
        assertTrue(initialize.getJsonObject("result").getJsonObject("capabilities").getJsonObject("extensions")
                .containsKey("io.modelcontextprotocol/enterprise-managed-authorization"), initialize.toString());
    }

    @Test
    void anIdJagFromTheCompanysProviderBecomesThisServersTokenAndCallsATool() {
        HttpResponse<String> response = redeem(goodAssertion());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject tokens = Http.json(response);
        assertFalse(tokens.containsKey("refresh_token"), "no refresh token unless configured: " + tokens);
        assertEquals("mcp:list mcp:call", tokens.getString("scope"));
        JsonObject claims = OAuthFlow.claims(tokens.getString("access_token"));
        assertEquals(base, claims.getString("iss"), "this server's token, not the provider's");
        assertEquals(base + "/mcp", claims.getString("aud"));
        assertEquals(clientId, claims.getString("client_id"));
        assertEquals(username, claims.getString("upn"));
        assertEquals(List.of("mcp-users"), strings(claims, "groups"));
        assertEquals("42", add(tokens.getString("access_token")));

        // the same person again (a new assertion) is the same account, under the same grant (not one more per assertion)
        JsonObject again = OAuthFlow.claims(Http.json(redeem(goodAssertion())).getString("access_token"));
        assertEquals(claims.getString("sub"), again.getString("sub"));
        assertEquals(claims.getJsonNumber("gid").longValue(), again.getJsonNumber("gid").longValue());
    }

    @Test
    void eachBadAssertionIsRefusedWithInvalidGrantAndAGoodOneStillWorks() {
        assertRefused("invalid_grant", "its aud must be " + base, assertion(CompanyIdentityProvider.ENTERPRISE_ID, TYP,
                "https://other-server.example.com", claims(Map.of()), 300));
        assertRefused("invalid_grant", "its typ header must be oauth-id-jag+jwt, not JWT", assertion(CompanyIdentityProvider.ENTERPRISE_ID,
                "JWT", base, claims(Map.of()), 300));
        assertRefused("invalid_grant", "issued to another client", assertion(CompanyIdentityProvider.ENTERPRISE_ID, TYP, base,
                claims(Map.of("client_id", oauth.registerPublicClient("Another app"))), 300));
        assertRefused("invalid_grant", "issuer is not a trusted identity provider", assertion("untrusted", TYP, base, claims(Map.of()), 300));
        assertRefused("invalid_grant", "has expired", assertion(CompanyIdentityProvider.ENTERPRISE_ID, TYP, base, claims(Map.of()), -120));
        assertRefused("invalid_grant", "resource is not one of this server's", assertion(CompanyIdentityProvider.ENTERPRISE_ID, TYP, base,
                claims(Map.of("resource", "https://other-server.example.com/mcp")), 300));
        assertRefused("invalid_grant", "scopes this server does not have", assertion(CompanyIdentityProvider.ENTERPRISE_ID, TYP, base,
                claims(Map.of("scope", "mcp:list files:write")), 300));
    }

    @Test
    void anAssertionIsAcceptedOnceAndBothAreAudited() throws SQLException {
        String assertion = goodAssertion();
        assertEquals(200, redeem(assertion).statusCode());
        assertRefused("invalid_grant", "already used", assertion);
        assertTrue(audited("id-jag.accepted", username).stream().anyMatch(detail -> detail.contains("client " + clientId)));
        assertTrue(audited("id-jag.refused", "client " + clientId).stream().anyMatch(detail -> detail.startsWith("invalid_grant: "
                + "The assertion was already used")));
    }

    private static List<String> audited(String type, String actor) throws SQLException {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement query = connection.prepareStatement("select detail from audit_event where type = ? and actor = ?")) {
            query.setString(1, type);
            query.setString(2, actor);
            List<String> details = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    details.add(rows.getString(1));
                }
            }
            return details;
        }
    }

    @Test
    void aScopeBeyondTheAssertionsIsRefusedWithoutSpendingIt() {
        String assertion = assertion(CompanyIdentityProvider.ENTERPRISE_ID, TYP, base, claims(Map.of("scope", "mcp:list")), 300);
        HttpResponse<String> refused = oauth.token(form(assertion, Map.of("scope", "mcp:list mcp:call")));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_scope", Http.json(refused).getString("error"));
        JsonObject tokens = Http.json(redeem(assertion));
        assertEquals("mcp:list", tokens.getString("scope"));
        assertEquals(200, McpHttp.initializeStatus(base, tokens.getString("access_token")));
    }

    @Test
    void theCompanysGroupRulesApplyAsAtItsSignIn() {
        assertRefused("invalid_grant", "is not in a group that may use this server (mcp-users)", assertion(
                CompanyIdentityProvider.ENTERPRISE_ID, TYP, base, claims(Map.of("groups", List.of("contractors"))), 300));
    }

    @Test
    void anUnknownClientIsInvalidClientAndAMissingAssertionAnInvalidRequest() {
        HttpResponse<String> unknown = oauth.token(Map.of("grant_type", IdJagGrant.GRANT_TYPE, "client_id", "nobody-" + UUID.randomUUID(),
                "assertion", goodAssertion()));
        assertEquals(401, unknown.statusCode(), unknown.body());
        assertEquals("invalid_client", Http.json(unknown).getString("error"));
        HttpResponse<String> missing = oauth.token(Map.of("grant_type", IdJagGrant.GRANT_TYPE, "client_id", clientId));
        assertEquals(400, missing.statusCode(), missing.body());
        assertEquals("invalid_request", Http.json(missing).getString("error"));
        assertEquals(200, redeem(goodAssertion()).statusCode());
    }

    private void assertRefused(String error, String reason, String assertion) {
        HttpResponse<String> response = redeem(assertion);
        assertEquals(400, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals(error, body.getString("error"), response.body());
        assertTrue(body.getString("error_description").contains(reason), response.body());
        // and the next good one is still honoured, and works at /mcp
        JsonObject tokens = Http.json(redeem(goodAssertion()));
        assertEquals("42", add(tokens.getString("access_token")));
    }

    private String goodAssertion() {
        return assertion(CompanyIdentityProvider.ENTERPRISE_ID, TYP, base, claims(Map.of()), 300);
    }

    private String assertion(String issuerId, String typ, String audience, Map<String, Object> claims, long lifetime) {
        return CompanyIdentityProvider.assertion(issuerId, subject, typ, audience, claims, lifetime);
    }

    /** What the provider's policy put in: this client, this server's MCP endpoint, both scopes, the user's name and groups. */
    private Map<String, Object> claims(Map<String, Object> replaced) {
        Map<String, Object> claims = new HashMap<>(Map.of("client_id", clientId, "resource", base + "/mcp", "scope", "mcp:list mcp:call",
                "preferred_username", username, "name", "Emma Example", "groups", List.of("mcp-users")));
        claims.putAll(replaced);
        return claims;
    }

    private HttpResponse<String> redeem(String assertion) {
        return oauth.token(form(assertion, Map.of()));
    }

    private Map<String, String> form(String assertion, Map<String, String> more) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", IdJagGrant.GRANT_TYPE, "client_id", clientId, "assertion", assertion));
        form.putAll(more);
        return form;
    }

    private String add(String accessToken) {
        McpHttp mcp = new McpHttp(base + "/mcp", accessToken);
        String session = mcp.initialize("2025-11-25");
        JsonObject result = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                + "\"arguments\":{\"a\":20,\"b\":22}}}");
        return result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString::getString);
    }
}
