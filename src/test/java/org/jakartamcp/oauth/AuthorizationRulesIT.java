package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/** One refusal per rule of the authorization and token endpoints. */
class AuthorizationRulesIT {

    private final String base = TestServer.awaitReady();
    private final OAuthFlow flow = new OAuthFlow(base);
    private final String clientId = flow.registerPublicClient("Rules test");

    @Test
    void pkceIsRequiredAndPlainIsRefused() {
        OAuthFlow.Pkce pkce = flow.pkce();
        Map<String, String> missing = errorRedirect(Map.of("code_challenge", "", "code_challenge_method", ""), pkce);
        assertEquals("invalid_request", missing.get("error"));
        assertTrue(missing.get("error_description").contains("PKCE is required"), missing.toString());
        assertEquals(base, missing.get("iss"));

        Map<String, String> plain = errorRedirect(Map.of("code_challenge_method", "plain", "code_challenge", pkce.verifier()), pkce);
        assertEquals("invalid_request", plain.get("error"));
        assertTrue(plain.get("error_description").contains("must be S256"), plain.toString());
    }

    @Test
    void aWrongCodeVerifierIsRefusedAndTheCodeIsThenSpent() {
        OAuthFlow.Pkce pkce = flow.pkce();
        String code = flow.authorize(clientId, pkce).get("code");
        HttpResponse<String> wrong = flow.redeem(clientId, code, flow.pkce().verifier());
        assertOAuthError(wrong, 400, "invalid_grant", "code_verifier does not match");
        assertOAuthError(flow.redeem(clientId, code, pkce.verifier()), 400, "invalid_grant", "already used");
    }

    @Test
    void anUnregisteredRedirectUriIsShownToTheUserNotFollowed() {
        HttpResponse<String> response = flow.open(flow.authorizeUrl(clientId, flow.pkce(),
                Map.of("redirect_uri", "https://attacker.example/cb")));
        assertEquals(400, response.statusCode());
        assertFalse(response.headers().firstValue("Location").isPresent());
        assertTrue(response.body().contains("<p id=\"error\">The redirect_uri is not registered"), "a page, not escaped markup: "
                + response.body());

        HttpResponse<String> unknownClient = flow.open(flow.authorizeUrl("no-such-client", flow.pkce(), Map.of()));
        assertEquals(400, unknownClient.statusCode());
        assertTrue(unknownClient.body().contains("Unknown or disabled client"), unknownClient.body());
    }

    /** RFC 9700 4.11.2: anyone may register a client, so an error is not redirected to its web address without the user. */
    @Test
    void anErrorForAWebRedirectUriIsShownWithALinkNotRedirected() {
        HttpResponse<String> registered = Http.send(HttpRequest.newBuilder(URI.create(TestServer.awaitReady()
                        + "/register")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"redirect_uris\":[\"https://app.example/callback\"],\"token_endpoint_auth_method\":\"none\"}")).build());
        String webClient = Http.json(registered).getString("client_id");
        HttpResponse<String> response = flow.open(flow.authorizeUrl(webClient, flow.pkce(), Map.of("scope", "admin",
                "redirect_uri", "https://app.example/callback", "state", "s1")));
        assertEquals(400, response.statusCode(), response.body());
        assertFalse(response.headers().firstValue("Location").isPresent(), "not redirected");
        assertTrue(response.body().contains("href=\"https://app.example/callback?error=invalid_scope"), response.body());
        assertTrue(response.body().contains("Return to the application at app.example"), response.body());
    }

    @Test
    void aLoopbackRedirectUriMatchesOnAnotherPort() {
        HttpResponse<String> response = flow.follow(flow.open(flow.authorizeUrl(clientId, flow.pkce(),
                Map.of("redirect_uri", "http://127.0.0.1:51234/callback"))));
        assertTrue(response.uri().getPath().endsWith("/login.xhtml"), response.uri().toString());
    }

    @Test
    void theRedirectUriAtTheTokenEndpointMustBeTheOneAuthorized() {
        OAuthFlow.Pkce pkce = flow.pkce();
        String code = flow.authorize(clientId, pkce).get("code");
        HttpResponse<String> response = flow.token(Map.of("grant_type", "authorization_code", "client_id", clientId, "code", code,
                "code_verifier", pkce.verifier(), "redirect_uri", "http://127.0.0.1:9/other"));
        assertOAuthError(response, 400, "invalid_grant", "redirect_uri differs");
    }

    @Test
    void aReplayedCodeRevokesWhatItIssued() {
        OAuthFlow.Pkce pkce = flow.pkce();
        String code = flow.authorize(clientId, pkce).get("code");
        JsonObject tokens = Http.json(flow.redeem(clientId, code, pkce.verifier()));
        assertOAuthError(flow.redeem(clientId, code, pkce.verifier()), 400, "invalid_grant", "already used");
        HttpResponse<String> refresh = flow.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", tokens.getString("refresh_token")));
        assertOAuthError(refresh, 400, "invalid_grant", "revoked");
    }

    @Test
    void aReusedRefreshTokenRevokesTheGrant() {
        JsonObject first = flow.tokens();
        String client = AuthorizationCodeFlowIT.claims(first.getString("access_token")).getString("client_id");
        Map<String, String> refresh = new HashMap<>(Map.of("grant_type", "refresh_token", "client_id", client,
                "refresh_token", first.getString("refresh_token")));
        JsonObject second = Http.json(flow.token(refresh));
        // within the grace period the first token is good until its successor is used (RefreshGraceIT)
        Map<String, String> next = new HashMap<>(refresh);
        next.put("refresh_token", second.getString("refresh_token"));
        JsonObject third = Http.json(flow.token(next));
        assertOAuthError(flow.token(refresh), 400, "invalid_grant", "already used");
        next.put("refresh_token", third.getString("refresh_token"));
        assertOAuthError(flow.token(next), 400, "invalid_grant", "revoked");
    }

    @Test
    void aTooWideScopeOnRefreshIsRefusedWithoutSpendingTheToken() {
        JsonObject tokens = flow.tokens();
        String client = AuthorizationCodeFlowIT.claims(tokens.getString("access_token")).getString("client_id");
        Map<String, String> refresh = new HashMap<>(Map.of("grant_type", "refresh_token", "client_id", client,
                "refresh_token", tokens.getString("refresh_token"), "scope", "mcp:call admin"));
        assertOAuthError(flow.token(refresh), 400, "invalid_scope", "only narrow");
        refresh.put("scope", "mcp:list");
        HttpResponse<String> narrowed = flow.token(refresh);
        assertEquals(200, narrowed.statusCode(), narrowed.body());
        assertEquals("mcp:list", Http.json(narrowed).getString("scope"));
    }

    @Test
    void withoutRedirectUriInTheRequestTheSingleRegisteredOneIsUsedAndNotRequiredAtTheTokenEndpoint() {
        OAuthFlow.Pkce pkce = flow.pkce();
        HttpResponse<String> login = flow.follow(flow.open(flow.authorizeUrl(clientId, pkce, withNulls(Map.of("redirect_uri", "")))));
        HttpResponse<String> consent = flow.follow(flow.signIn(login, "admin", TestServer.adminPassword()));
        String location = OAuthFlow.location(flow.decide(consent, "allow"));
        assertTrue(location.startsWith(OAuthFlow.REDIRECT_URI + "?"), location);
        HttpResponse<String> tokens = flow.token(Map.of("grant_type", "authorization_code", "client_id", clientId,
                "code", OAuthFlow.query(location).get("code"), "code_verifier", pkce.verifier()));
        assertEquals(200, tokens.statusCode(), tokens.body());
    }

    @Test
    void anotherClientCannotRedeemTheCode() {
        OAuthFlow.Pkce pkce = flow.pkce();
        String code = flow.authorize(clientId, pkce).get("code");
        String other = flow.registerPublicClient("Other");
        assertOAuthError(flow.redeem(other, code, pkce.verifier()), 400, "invalid_grant", "another client");
    }

    @Test
    void denyReturnsAccessDenied() {
        OAuthFlow.Pkce pkce = flow.pkce();
        HttpResponse<String> login = flow.follow(flow.open(flow.authorizeUrl(clientId, pkce, Map.of("state", "s1"))));
        HttpResponse<String> consent = flow.follow(flow.signIn(login, "admin", TestServer.adminPassword()));
        Map<String, String> answer = OAuthFlow.query(OAuthFlow.location(flow.decide(consent, "deny")));
        assertEquals("access_denied", answer.get("error"));
        assertEquals("s1", answer.get("state"));
        assertFalse(answer.containsKey("code"));
    }

    @Test
    void aWrongPasswordKeepsTheUserOnTheSignInPage() {
        HttpResponse<String> login = flow.follow(flow.open(flow.authorizeUrl(clientId, flow.pkce(), Map.of())));
        HttpResponse<String> again = flow.signIn(login, "admin", "not-the-password");
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("Wrong username or password."), again.body());
        HttpResponse<String> unknown = flow.signIn(again, "nobody", "not-the-password");
        assertTrue(unknown.body().contains("Wrong username or password."), "the same answer for an unknown user");
    }

    @Test
    void unknownResourcesAndScopesAreRefused() {
        assertEquals("invalid_target", errorRedirect(Map.of("resource", "https://elsewhere.example/mcp"), flow.pkce()).get("error"));
        assertEquals("invalid_scope", errorRedirect(Map.of("scope", "admin"), flow.pkce()).get("error"));
    }

    @Test
    void clientAuthenticationFailuresAre401() {
        HttpResponse<String> response = flow.token(Map.of("grant_type", "refresh_token", "client_id", "no-such-client",
                "refresh_token", "x"));
        assertOAuthError(response, 401, "invalid_client", "Client authentication failed");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertOAuthError(flow.token(Map.of("grant_type", "password", "client_id", clientId)), 400, "unsupported_grant_type", "");
    }

    private Map<String, String> errorRedirect(Map<String, String> extra, OAuthFlow.Pkce pkce) {
        HttpResponse<String> response = flow.open(flow.authorizeUrl(clientId, pkce, withNulls(extra)));
        assertEquals(303, response.statusCode(), response.body());
        String location = OAuthFlow.location(response);
        assertTrue(location.startsWith(OAuthFlow.REDIRECT_URI + "?"), location);
        return OAuthFlow.query(location);
    }

    private static Map<String, String> withNulls(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        extra.forEach((name, value) -> values.put(name, value.isEmpty() ? null : value));
        return values;
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error, String descriptionPart) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject json = Http.json(response);
        assertEquals(error, json.getString("error"), response.body());
        assertTrue(json.getString("error_description").contains(descriptionPart), response.body());
    }
}
