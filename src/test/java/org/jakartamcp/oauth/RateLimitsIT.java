package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registration, the token endpoint and sign-in answer 429 with Retry-After past their limits: the
 * product WAR with low limits of its own (each deployment keeps its own buckets). The low-limits
 * deployment trusts the loopback address as a proxy, so each test is its own client by sending its
 * own X-Forwarded-For. The limits are counted in the database, which outlives a test run: each run starts with
 * none counted, as a fresh deployment did when they were counted in memory.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitsIT {

    @ArquillianResource
    @OperateOnDeployment("low-limits")
    URL deployment;

    @ArquillianResource
    @OperateOnDeployment("few-authorizations")
    URL fewAuthorizations;

    @Deployment(name = "low-limits", testable = false)
    static WebArchive productWithLowLimits() {
        return Deployments.product("rate-limits.war", Map.of(
                "oauth.rate-limit.registration-per-address", "2",
                "oauth.rate-limit.token-per-address", "3",
                "oauth.rate-limit.sign-in-per-address", "5",
                "oauth.sign-in.failures-per-pair", "3",
                "oauth.sign-in.failures-per-account", "100",
                "oauth.sign-in.first-delay-seconds", "60",
                "http.trusted-proxies", "127.0.0.1, ::1"));
    }

    /** Its own deployment, so that its bucket is not shared with the sign-in test's authorization requests. */
    @Deployment(name = "few-authorizations", testable = false)
    static WebArchive productWithFewAuthorizations() {
        return Deployments.product("few-authorizations.war", Map.of("oauth.rate-limit.authorization-per-address", "3"));
    }

    @ArquillianResource
    @OperateOnDeployment("rfc7239")
    URL rfc7239;

    /** Behind a proxy that writes RFC 7239 Forwarded. */
    @Deployment(name = "rfc7239", testable = false)
    static WebArchive productBehindAForwardedProxy() {
        return Deployments.product("forwarded.war", Map.of("oauth.rate-limit.token-per-address", "2",
                "http.trusted-proxies", "127.0.0.0/8, ::1", "http.forwarded-header", "Forwarded"));
    }

    @BeforeAll
    static void nothingCountedYet() throws SQLException {
        TestServer.awaitReady(); // the schema is migrated
        try (Connection db = TestDatabase.shared().connect(); Statement statement = db.createStatement()) {
            statement.executeUpdate("delete from rate_limit_bucket");
            statement.executeUpdate("delete from sign_in_failure");
        }
    }

    private String base() {
        TestServer.awaitReady();
        return deployment.toString().replaceAll("/$", "");
    }

    @Test
    void registrationPastItsLimitIsTooManyRequests() {
        OAuthFlow flow = new OAuthFlow(base());
        flow.registerPublicClient("one");
        flow.registerPublicClient("two");
        HttpResponse<String> third = Http.send(HttpRequest.newBuilder(URI.create(base() + "/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"https://c.example/cb\"]}")).build());
        assertLimited(third, "client registrations");
    }

    @Test
    void theTokenEndpointPastItsLimitIsTooManyRequests() {
        OAuthFlow flow = new OAuthFlow(base());
        Map<String, String> bogus = Map.of("grant_type", "refresh_token", "client_id", "nobody", "refresh_token", "x");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, flow.token(bogus).statusCode());
        }
        assertLimited(flow.token(bogus), "token requests");
    }

    @Test
    void failuresFromOneAddressAreRefusedWhileTheAccountSignsInFromAnother() {
        String user = TestUsers.create("guessed-" + System.nanoTime(), "the right password");
        OAuthFlow guesser = browserAt("203.0.113.10");
        HttpResponse<String> page = guesser.open(base() + "/login.xhtml");
        for (int i = 0; i < 3; i++) {
            page = guesser.signIn(page, user, "wrong " + i);
            assertTrue(page.body().contains("Wrong username or password."), page.body());
        }
        HttpResponse<String> limited = guesser.signIn(page, user, "the right password");
        assertEquals(429, limited.statusCode(), limited.body());
        assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow(), "the first wait after the free failures");
        assertTrue(limited.body().contains("Too many sign-in attempts. Try again in 60 s."), "even the right password waits: " + limited.body());

        assertSignsIn(browserAt("198.51.100.10"), user, "the right password");
        String other = TestUsers.create("neighbour-" + System.nanoTime(), "another password");
        assertSignsIn(guesser, other, "another password");
    }

    @Test
    void successfulSignInsInARowAreNeverLimited() {
        String user = TestUsers.create("busy-" + System.nanoTime(), "busy password");
        for (int i = 0; i < 12; i++) {
            assertSignsIn(browserAt("192.0.2.20"), user, "busy password");
        }
        OAuthFlow typist = browserAt("192.0.2.20");
        HttpResponse<String> page = typist.open(base() + "/login.xhtml");
        for (int i = 0; i < 2; i++) {
            page = typist.signIn(page, user, "typo " + i);
            assertEquals(200, page.statusCode());
        }
        assertSignsIn(typist, user, "busy password");
        assertSignsIn(browserAt("192.0.2.20"), user, "busy password");
    }

    @Test
    void aHugeUsernameGetsTheUsualAnswerAndChargesNothing() {
        OAuthFlow browser = browserAt("192.0.2.30");
        HttpResponse<String> page = browser.open(base() + "/login.xhtml");
        // far past the field's bound, within the form's (a longer form is refused with 413 before it is read: SignInFormLimitsIT)
        String huge = "u".repeat(12 * 1024);
        // the address may fail 5 times a minute: were these counted, the sixth would be 429
        for (int i = 0; i < 6; i++) {
            page = browser.signIn(page, huge, "whatever");
            assertEquals(200, page.statusCode(), "attempt " + i);
            assertTrue(page.body().contains("Wrong username or password."), "attempt " + i);
            assertTrue(page.body().length() < huge.length(), "the name is not sent back: " + page.body().length() + " characters");
        }
        page = browser.signIn(page, "admin", "p".repeat(2000));
        assertTrue(page.body().contains("Wrong username or password."), "an oversize password too");
        String user = TestUsers.create("after-huge-" + System.nanoTime(), "normal password");
        assertSignsIn(browser, user, "normal password");
    }

    @Test
    void oneNoisyClientBehindTheProxyDoesNotHoldUpAnother() {
        Map<String, String> bogus = Map.of("grant_type", "refresh_token", "client_id", "nobody", "refresh_token", "x");
        OAuthFlow noisy = browserAt("203.0.113.50");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, noisy.token(bogus).statusCode());
        }
        assertLimited(noisy.token(bogus), "token requests");
        assertEquals(401, browserAt("203.0.113.51").token(bogus).statusCode(), "another client is answered as usual");
    }

    @Test
    void ipv6ClientsAreLimitedByTheirSlash64() {
        Map<String, String> bogus = Map.of("grant_type", "refresh_token", "client_id", "nobody", "refresh_token", "x");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, browserAt("2001:db8:5:6::" + (i + 1)).token(bogus).statusCode());
        }
        assertLimited(browserAt("2001:db8:5:6:ffff::9").token(bogus), "token requests");
        assertEquals(401, browserAt("2001:db8:5:7::1").token(bogus).statusCode(), "the next /64 is another client");
    }

    @Test
    void behindAProxyWritingForwardedTheClientComesFromItsForParameter() {
        TestServer.awaitReady();
        String app = rfc7239.toString().replaceAll("/$", "");
        Map<String, String> bogus = Map.of("grant_type", "refresh_token", "client_id", "nobody", "refresh_token", "x");
        OAuthFlow quotedIpv6 = new OAuthFlow(app, Map.of("Forwarded", "for=\"[2001:db8:9::1]:4711\";proto=https",
                "X-Forwarded-For", "192.0.2.1"));
        OAuthFlow sameSlash64 = new OAuthFlow(app, Map.of("Forwarded", "for=1.2.3.4, for=\"[2001:db8:9::2]\"",
                "X-Forwarded-For", "192.0.2.2"));
        assertEquals(401, quotedIpv6.token(bogus).statusCode());
        assertEquals(401, sameSlash64.token(bogus).statusCode());
        assertLimited(quotedIpv6.token(bogus), "token requests");
        assertLimited(sameSlash64.token(bogus), "token requests");
        assertEquals(401, new OAuthFlow(app, Map.of("Forwarded", "for=192.0.2.77")).token(bogus).statusCode(), "another client");
    }

    /** A browser behind the trusted proxy (the test's loopback connection) at this client address. */
    private OAuthFlow browserAt(String clientAddress) {
        return new OAuthFlow(base(), Map.of("X-Forwarded-For", clientAddress));
    }

    private void assertSignsIn(OAuthFlow browser, String user, String password) {
        HttpResponse<String> page = browser.follow(browser.signIn(browser.open(base() + "/login.xhtml"), user, password));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.uri().getPath().endsWith("/account.xhtml"), "signed in: " + page.uri() + " " + page.body());
    }

    @Test
    void authorizationRequestsPastTheirLimitGetAPageSayingSo() {
        TestServer.awaitReady();
        String app = fewAuthorizations.toString().replaceAll("/$", "");
        OAuthFlow flow = new OAuthFlow(app);
        // no trusted proxy here: what the client says it is does not make it another client
        for (int i = 0; i < 3; i++) {
            assertEquals(400, flow.open(app + "/authorize?client_id=nobody", Map.of("X-Forwarded-For", "192.0.2." + i)).statusCode(),
                    "an unknown client, shown to the user");
        }
        HttpResponse<String> response = flow.open(app + "/authorize?client_id=nobody", Map.of("X-Forwarded-For", "192.0.2.99"));
        assertEquals(429, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
        assertTrue(response.body().contains("Too many authorization requests"), response.body());
        assertEquals(200, flow.open(app + "/.well-known/oauth-authorization-server").statusCode(), "other requests are answered");
    }

    private static void assertLimited(HttpResponse<String> response, String what) {
        assertEquals(429, response.statusCode(), response.body());
        assertTrue(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals("too_many_requests", Http.json(response).getString("error"));
        assertTrue(Http.json(response).getString("error_description").startsWith("Too many " + what), response.body());
    }
}
