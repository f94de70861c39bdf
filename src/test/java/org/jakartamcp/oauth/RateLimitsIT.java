package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registration, the token endpoint and sign-in answer 429 with Retry-After past their limits: the
 * product WAR with low limits of its own (each deployment keeps its own buckets).
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
                "oauth.rate-limit.sign-in-per-address", "3",
                "oauth.rate-limit.sign-in-per-account", "100"));
    }

    /** Its own deployment, so that its bucket is not shared with the sign-in test's authorization requests. */
    @Deployment(name = "few-authorizations", testable = false)
    static WebArchive productWithFewAuthorizations() {
        return Deployments.product("few-authorizations.war", Map.of("oauth.rate-limit.authorization-per-address", "3"));
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
    void signInPastItsLimitIsRefusedWithoutCheckingThePassword() {
        OAuthFlow flow = new OAuthFlow(base());
        String clientId = Http.json(Http.send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"redirect_uris\":[\"" + OAuthFlow.REDIRECT_URI + "\"],\"token_endpoint_auth_method\":\"none\"}")).build()))
                .getString("client_id");
        HttpResponse<String> page = flow.follow(flow.open(flow.authorizeUrl(clientId, flow.pkce(),
                Map.of("resource", TestServer.baseUrl() + "/mcp"))));
        for (int i = 0; i < 3; i++) {
            page = flow.signIn(page, "admin", "wrong " + i);
            assertTrue(page.body().contains("Wrong username or password."), page.body());
        }
        HttpResponse<String> limited = flow.signIn(page, "admin", TestServer.adminPassword());
        assertEquals(429, limited.statusCode());
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        assertTrue(limited.body().contains("Too many sign-in attempts."), "even the right password waits: " + limited.body());
    }

    @Test
    void authorizationRequestsPastTheirLimitGetAPageSayingSo() {
        TestServer.awaitReady();
        String app = fewAuthorizations.toString().replaceAll("/$", "");
        OAuthFlow flow = new OAuthFlow(app);
        for (int i = 0; i < 3; i++) {
            assertEquals(400, flow.open(app + "/authorize?client_id=nobody").statusCode(), "an unknown client, shown to the user");
        }
        HttpResponse<String> response = flow.open(app + "/authorize?client_id=nobody");
        assertEquals(429, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
        assertTrue(response.body().contains("Too many authorization requests"), response.body());
    }

    private static void assertLimited(HttpResponse<String> response, String what) {
        assertEquals(429, response.statusCode(), response.body());
        assertTrue(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals("too_many_requests", Http.json(response).getString("error"));
        assertTrue(Http.json(response).getString("error_description").startsWith("Too many " + what), response.body());
    }
}
