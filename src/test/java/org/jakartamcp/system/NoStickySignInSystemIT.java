package org.jakartamcp.system;

import static org.jakartamcp.testing.OAuthFlow.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.CompanyIdentityProvider;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.LibertyServer;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the server on one PostgreSQL, and a browser whose every request goes to the other instance than
 * the one before, as a round-robin load balancer without sticky sessions sends it: the sign-in (with a password and
 * through the company's identity provider), the consent, the account and the administration pages work, the
 * session cookie of one instance is good on the other, the session id planted before a sign-in is worth nothing on
 * either after it, and a session ended on one is ended on the other. Nothing but the database carries the state from
 * one instance to the other (each instance's own copy of a session is older than the other's last write at each step).
 */
class NoStickySignInSystemIT {

    private static final String DATABASE = "mcp_nosticky";
    private static final String OWNER = "mcp_app";
    private static final String PASSWORD = "nosticky-S3cret";
    /** The second instance's HTTP port (HTTPS: one more); the first uses system-test.http.port. */
    private static final int PEER_PORT = Integer.getInteger("system-test.peer.http.port", RunServerSystemIT.HTTP_PORT + 2);
    private static final String FIRST = RunServerSystemIT.BASE_URL;
    private static final String SECOND = "http://localhost:" + PEER_PORT;

    private static EmbeddedPostgres postgres;
    private static LibertyServer first;
    private static LibertyServer second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        postgres = TestDatabase.freshWithDatabase("nosticky-postgres", DATABASE, OWNER, PASSWORD);
        // the name the test server's configuration uses too: the provider names itself after the host it is asked at
        String companyIssuer = CompanyIdentityProvider.issuer().replace("127.0.0.1", "localhost");
        first = new LibertyServer("defaultServer", environment(RunServerSystemIT.HTTP_PORT, companyIssuer));
        second = LibertyServer.copyOf("defaultServer", "nosticky-peer", environment(PEER_PORT, companyIssuer));
        first.start();
        // one after the other: the first migrates the empty database and creates the administrator
        new Health(FIRST).awaitReady(RunServerSystemIT.STARTUP);
        second.start();
        new Health(SECOND).awaitReady(RunServerSystemIT.STARTUP);
    }

    @AfterAll
    static void stopThem() throws IOException {
        try {
            for (LibertyServer server : new LibertyServer[] {first, second}) {
                if (server != null) {
                    server.stop();
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static Map<String, String> environment(int httpPort, String companyIssuer) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HTTP_PORT", Integer.toString(httpPort));
        environment.put("HTTPS_PORT", Integer.toString(httpPort + 1));
        environment.put("DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE);
        environment.put("DB_USER", OWNER);
        environment.put("DB_PASSWORD", PASSWORD);
        environment.put("DB_EMBEDDED", "false");
        environment.put("ADMIN_PASSWORD", TestServer.adminPassword());
        // both instances are one server to clients: one issuer, one public address (tokens and redirects line up)
        environment.put("OAUTH_ISSUER", FIRST);
        environment.put("AUTH_OIDC_ISSUER", companyIssuer);
        environment.put("AUTH_OIDC_CLIENT_ID", "mcp-nosticky");
        environment.put("AUTH_OIDC_CLIENT_SECRET", "nosticky-client-secret");
        environment.put("AUTH_ALLOWED_GROUPS", "mcp-users");
        return environment;
    }

    @Test
    void signInConsentAndAccountPagesAlternatingInstances() {
        OAuthFlow one = new OAuthFlow(FIRST);
        OAuthFlow other = one.at(SECOND);
        String clientId = one.registerPublicClient("Client of two instances");
        OAuthFlow.Pkce pkce = one.pkce();

        HttpResponse<String> toLogin = one.open(one.authorizeUrl(clientId, pkce, Map.of()));
        assertEquals(303, toLogin.statusCode(), toLogin.body());
        HttpResponse<String> login = other.open(other.here(location(toLogin)));
        assertEquals(200, login.statusCode(), "the pending request, held by the first instance, on the second: " + login.body());
        assertTrue(login.body().contains("Client of two instances"), login.body());
        String beforeSignIn = other.cookie("JSESSIONID");
        assertNotNull(beforeSignIn, "the session cookie");

        HttpResponse<String> toConsent = one.submit(login, Map.of("username", "admin", "password", TestServer.adminPassword()), "sign-in");
        assertEquals(302, toConsent.statusCode(), "the second instance's form (its view state) posted to the first: " + toConsent.body());
        assertTrue(location(toConsent).contains("/consent.xhtml?request="), location(toConsent));
        assertNotEquals(sessionId(beforeSignIn), sessionId(one.cookie("JSESSIONID")), "a new session id on sign-in");

        HttpResponse<String> consent = other.open(other.here(location(toConsent)));
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("Client of two instances"), consent.body());
        HttpResponse<String> decided = one.decide(consent, "allow");
        Map<String, String> answer = OAuthFlow.query(location(decided));
        assertNotNull(answer.get("code"), location(decided));

        HttpResponse<String> tokens = other.redeem(clientId, answer.get("code"), pkce.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = Http.json(tokens).getString("access_token");
        assertEquals(200, McpHttp.initializeStatus(FIRST, accessToken));
        assertEquals(200, McpHttp.initializeStatus(SECOND, accessToken));

        HttpResponse<String> account = one.open(FIRST + "/account.xhtml");
        assertEquals(200, account.statusCode(), account.body());
        assertTrue(account.body().contains("Client of two instances"), "the connected client on the account page: " + account.body());
        HttpResponse<String> admin = other.open(SECOND + "/admin/clients.xhtml");
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("Client of two instances"), admin.body());

        // the session id from before the sign-in, which both instances have seen (and cached), signs no one in
        for (String base : List.of(FIRST, SECOND)) {
            HttpResponse<String> planted = withSessionCookie(base + "/account.xhtml", beforeSignIn);
            assertEquals(302, planted.statusCode(), "the id from before the sign-in at " + base + ": " + planted.body());
            assertTrue(location(planted).contains("/login.xhtml"), location(planted));
        }

        // signed out on the second instance: the first, which served the session a moment ago, sends it to sign in
        HttpResponse<String> accountThere = other.open(SECOND + "/account.xhtml");
        HttpResponse<String> signedOut = one.submit(accountThere, Map.of(), "sign-out");
        assertEquals(302, signedOut.statusCode(), signedOut.body());
        HttpResponse<String> afterSignOut = one.open(FIRST + "/account.xhtml");
        assertEquals(302, afterSignOut.statusCode(), afterSignOut.body());
        assertTrue(location(afterSignOut).contains("/login.xhtml"), location(afterSignOut));
    }

    @Test
    void signInThroughTheCompanysProviderAlternatingInstances() {
        OAuthFlow one = new OAuthFlow(FIRST);
        OAuthFlow other = one.at(SECOND);
        String clientId = one.registerPublicClient("Client of a company user");
        OAuthFlow.Pkce pkce = one.pkce();
        CompanyIdentityProvider.nextSignIn("grace", "Grace Hopper", List.of("mcp-users"));

        // the authorization URL names the issuer's resource (<issuer>/mcp), whichever instance it is sent to
        HttpResponse<String> login = one.open(one.here(location(other.open(other.here(one.authorizeUrl(clientId, pkce, Map.of()))))));
        assertEquals(200, login.statusCode(), login.body());
        // the sign-in starts on the second instance; the provider sends the browser back to the issuer's (the first)
        HttpResponse<String> back = other.signInThroughProvider(other.open(other.here(login.uri().toString())));
        assertEquals(303, back.statusCode(), back.body());
        assertTrue(location(back).startsWith(FIRST + "/consent.xhtml?request="), location(back));
        HttpResponse<String> consent = other.open(other.here(location(back)));
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("Grace Hopper"), consent.body());
        Map<String, String> answer = OAuthFlow.query(location(one.decide(consent, "allow")));
        HttpResponse<String> tokens = other.redeem(clientId, answer.get("code"), pkce.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonObject claims = OAuthFlow.claims(Http.json(tokens).getString("access_token"));
        assertEquals(FIRST, claims.getString("iss"));
    }

    private static String sessionId(String cookie) {
        // Liberty's cookie: a cache id, the session id, then the ids of the instances that served it
        return cookie.substring(4, cookie.indexOf(':'));
    }

    private static HttpResponse<String> withSessionCookie(String url, String value) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + value).GET().build());
    }
}
