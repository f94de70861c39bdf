package org.jakartamcp.identity.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.CompanyIdentityProvider;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sign-in through the company's OpenID Connect provider (a real provider over HTTP, started by the
 * test: {@link CompanyIdentityProvider}). The test server's root application trusts it, lets only
 * members of mcp-users in, and makes members of mcp-administrators administrators.
 */
class CompanySignInIT {

    @Test
    void aRealMcpClientSignsInThroughTheProviderAndCallsATool() {
        String provider = CompanyIdentityProvider.issuer();
        CompanyIdentityProvider.nextSignIn("sdk-user-" + System.nanoTime(), "SDK User", List.of("mcp-users"));
        McpClients.Result run = McpClients.run(List.of(McpClients.node().toString(),
                        McpClients.home().resolve("sdk-oauth-client.mjs").toString(), "http", TestServer.awaitReady() + "/mcp"),
                McpClients.providerSignInEnvironment(provider), null, Duration.ofSeconds(90));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        JsonObject summary = Http.json(run.stdout().strip());
        assertTrue(summary.getBoolean("signedIn"), "it went through the sign-in: " + run.stdout());
        assertEquals("42", summary.getString("sum"));
    }

    @Test
    void theProvidersUserGetsThisServersTokenWithTheirGroupsAndCanCallTools() {
        String base = TestServer.awaitReady();
        String username = "alice-" + System.nanoTime();
        CompanyIdentityProvider.nextSignIn(username, "Alice Example", List.of("mcp-users", "finance"));
        OAuthFlow browser = new OAuthFlow(base);
        String clientId = browser.registerPublicClient("Company app");
        OAuthFlow.Pkce pkce = browser.pkce();
        HttpResponse<String> login = browser.follow(browser.open(browser.authorizeUrl(clientId, pkce, Map.of("resource", base + "/mcp"))));
        assertTrue(login.body().contains("Sign in with Company SSO"), login.body());
        assertTrue(login.body().contains("id=\"password\""), "the password form stays offered: " + login.body());

        HttpResponse<String> consent = browser.signInThroughProvider(login);
        assertTrue(consent.uri().getPath().endsWith("/consent.xhtml"), consent.uri() + " " + consent.body());
        assertTrue(consent.body().contains("Alice Example"), "the provider's name for the user: " + consent.body());

        String code = OAuthFlow.query(OAuthFlow.location(browser.decide(consent, "allow"))).get("code");
        JsonObject tokens = Http.json(browser.redeem(clientId, code, pkce.verifier()));
        String accessToken = tokens.getString("access_token");
        JsonObject claims = OAuthFlow.claims(accessToken);
        assertEquals(username, claims.getString("upn"));
        assertEquals(List.of("mcp-users", "finance"), claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(base, claims.getString("iss"), "this server's token, not the provider's");

        McpHttp mcp = new McpHttp(base + "/mcp", accessToken);
        String session = mcp.initialize("2025-11-25");
        JsonObject result = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                + "\"arguments\":{\"a\":20,\"b\":22}}}");
        assertEquals("42", result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void someoneOutsideTheAllowedGroupIsRefusedWithAClearMessage() {
        String username = "mallory-" + System.nanoTime();
        CompanyIdentityProvider.nextSignIn(username, "Mallory", List.of("contractors"));
        HttpResponse<String> page = signInThroughProvider();
        assertEquals(403, page.statusCode(), page.body());
        assertTrue(page.body().contains(username + " is not in a group that may use this server (mcp-users). Ask your administrator"),
                page.body());
        assertFalse(page.body().contains("consent"), page.body());
    }

    @Test
    void someoneWhoLeftTheAllowedGroupLosesWhatTheirApplicationsWereGranted() {
        String base = TestServer.awaitReady();
        String username = "leaver-" + System.nanoTime();
        OAuthFlow browser = new OAuthFlow(base);
        String subject = CompanyIdentityProvider.nextSignIn(username, username, List.of("mcp-users"));
        JsonObject tokens = browser.tokensThroughProvider();
        assertEquals(200, McpHttp.initializeStatus(base, tokens.getString("access_token")));

        CompanyIdentityProvider.nextSignInAs(subject, username, username, List.of("alumni"), Map.of());
        assertEquals(403, signInThroughProvider().statusCode());

        assertEquals(401, McpHttp.initializeStatus(base, tokens.getString("access_token")), "the access token ends at once");
        HttpResponse<String> refresh = browser.token(Map.of("grant_type", "refresh_token", "client_id",
                OAuthFlow.claims(tokens.getString("access_token")).getString("client_id"), "refresh_token", tokens.getString("refresh_token")));
        assertEquals(400, refresh.statusCode(), refresh.body());
    }

    @Test
    void aProviderUserNamedLikeALocalAccountDoesNotBecomeIt() {
        CompanyIdentityProvider.nextSignIn("admin", "Not the administrator", List.of("mcp-users", "mcp-administrators"));
        HttpResponse<String> page = signInThroughProvider();
        assertEquals(403, page.statusCode(), page.body());
        assertTrue(page.body().contains("An account named admin already exists on this server and is not linked"), page.body());
    }

    @Test
    void anotherSubjectCannotTakeAnAccountsName() {
        String username = "bob-" + System.nanoTime();
        CompanyIdentityProvider.nextSignIn(username, "Bob", List.of("mcp-users"));
        assertTrue(signInThroughProvider().uri().getPath().endsWith("/consent.xhtml"));
        CompanyIdentityProvider.nextSignIn(username, "Another Bob", List.of("mcp-users"));
        HttpResponse<String> page = signInThroughProvider();
        assertEquals(403, page.statusCode(), "a new subject with a taken name: " + page.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aud", "nonce"})
    void anIdTokenForAnotherClientOrSignInIsRejected(String claim) {
        CompanyIdentityProvider.nextSignIn("eve-" + System.nanoTime(), "Eve", List.of("mcp-users"), Map.of(claim, "someone-else"));
        HttpResponse<String> page = signInThroughProvider();
        assertEquals(502, page.statusCode(), page.body());
        assertTrue(page.body().contains("The identity provider's answer could not be verified"), page.body());
    }

    @Test
    void membersOfTheAdministratorGroupsAreAdministrators() throws SQLException {
        String base = TestServer.awaitReady();
        String carol = "carol-" + System.nanoTime();
        CompanyIdentityProvider.nextSignIn(carol, "Carol", List.of("mcp-users", "mcp-administrators"));
        OAuthFlow browser = new OAuthFlow(base);
        HttpResponse<String> account = browser.signInThroughProvider(browser.follow(browser.open(base + "/login.xhtml")));
        assertTrue(account.uri().getPath().endsWith("/account.xhtml"), account.uri().toString());
        assertTrue(account.body().contains("id=\"administration\""), account.body());
        assertEquals(200, browser.open(base + "/admin/clients.xhtml").statusCode());
        demote(carol);
        assertEquals(403, browser.open(base + "/admin/clients.xhtml").statusCode(), "demoted: the same session loses the pages at once");

        CompanyIdentityProvider.nextSignIn("dave-" + System.nanoTime(), "Dave", List.of("mcp-users"));
        OAuthFlow other = new OAuthFlow(base);
        other.signInThroughProvider(other.follow(other.open(base + "/login.xhtml")));
        assertEquals(403, other.open(base + "/admin/clients.xhtml").statusCode());
    }

    @Test
    void aSignInAnswerWithoutItsStartIsRefused() {
        String base = TestServer.awaitReady();
        HttpResponse<String> page = new OAuthFlow(base).open(base + "/oidc/callback?state=forged&code=anything");
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.body().contains("This sign-in has expired"), page.body());
    }

    private static void demote(String username) throws SQLException {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement update = connection.prepareStatement("update app_user set administrator = false where username = ?")) {
            update.setString(1, username);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static HttpResponse<String> signInThroughProvider() {
        String base = TestServer.awaitReady();
        OAuthFlow browser = new OAuthFlow(base);
        String clientId = new OAuthFlow(base).registerPublicClient("Company app");
        HttpResponse<String> login = browser.follow(browser.open(browser.authorizeUrl(clientId, browser.pkce(),
                Map.of("resource", base + "/mcp"))));
        return browser.signInThroughProvider(login);
    }
}
