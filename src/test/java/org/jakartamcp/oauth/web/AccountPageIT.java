package org.jakartamcp.oauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * The account page lists the applications a user allowed and revokes them: the refresh token is
 * then refused and the access token stops working within seconds. Also: a session is bound to the
 * user who opened it, and forged form posts (no valid view state) are acted on by nobody.
 */
class AccountPageIT {

    private final String base = TestServer.awaitReady();

    @Test
    void aUserSeesAndRevokesTheirConnectedApplications() {
        String user = TestUsers.create("account-" + System.nanoTime(), "account password");
        OAuthFlow flow = new OAuthFlow(base);
        String clientId = flow.registerPublicClient("Account page client");
        OAuthFlow.Pkce pkce = flow.pkce();
        String code = flow.authorize(clientId, pkce, user, "account password").get("code");
        JsonObject tokens = Http.json(flow.redeem(clientId, code, pkce.verifier()));
        assertEquals(200, McpHttp.initializeStatus(base, tokens.getString("access_token")));

        HttpResponse<String> account = flow.open(base + "/account.xhtml");
        assertEquals(200, account.statusCode(), account.body());
        assertTrue(account.body().contains("Account page client"), account.body());
        assertTrue(account.body().contains("mcp:list mcp:call"));

        HttpResponse<String> after = flow.follow(flow.decide(account, "clients:0:revoke"));
        assertTrue(after.body().contains("Access revoked."), after.body());
        assertTrue(after.body().contains("No application can use this server for you."), after.body());
        HttpResponse<String> refresh = flow.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", tokens.getString("refresh_token")));
        assertEquals(400, refresh.statusCode());
        Eventually.await("the revoked access token refused", Duration.ofSeconds(5),
                () -> McpHttp.initializeStatus(base, tokens.getString("access_token")), status -> status == 401);
    }

    @Test
    void theAccountPageNeedsASignIn() {
        OAuthFlow flow = new OAuthFlow(base);
        HttpResponse<String> login = flow.follow(flow.open(base + "/account.xhtml"));
        assertTrue(login.uri().getPath().endsWith("/login.xhtml"), login.uri().toString());
        HttpResponse<String> account = flow.follow(flow.signIn(login, "admin", TestServer.adminPassword()));
        assertTrue(account.uri().getPath().endsWith("/account.xhtml"), account.uri().toString());
        assertTrue(account.body().contains("Administrator"), account.body());
    }

    @Test
    void aSessionBelongsToTheUserWhoOpenedIt() {
        String other = TestUsers.create("other-" + System.nanoTime(), "other password");
        String adminToken = new OAuthFlow(base).tokens().getString("access_token");
        String otherToken = new OAuthFlow(base).tokens(other, "other password").getString("access_token");
        McpHttp asAdmin = new McpHttp(base + "/mcp", adminToken);
        String session = asAdmin.initialize("2025-11-25");
        HttpResponse<String> hijack = new McpHttp(base + "/mcp", otherToken).call(session,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        assertEquals(404, hijack.statusCode(), "another user's session is not found: " + hijack.body());
        assertEquals(200, asAdmin.call(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").statusCode());
    }

    @Test
    void aFormPostedWithoutItsViewStateIsNotActedOn() {
        OAuthFlow victim = new OAuthFlow(base);
        String clientId = victim.registerPublicClient("Forged consent");
        HttpResponse<String> login = victim.follow(victim.open(victim.authorizeUrl(clientId, victim.pkce(), Map.of())));
        HttpResponse<String> consent = victim.follow(victim.signIn(login, "admin", TestServer.adminPassword()));
        HttpResponse<String> forged = victim.submit(consent, Map.of("jakarta.faces.ViewState", "forged"), "allow");
        String location = forged.headers().firstValue("Location").orElse("");
        assertFalse(location.startsWith(OAuthFlow.REDIRECT_URI), "no code for a forged post: " + location);
        assertTrue(location.endsWith("/expired.xhtml"), location + " " + forged.statusCode());
    }
}
