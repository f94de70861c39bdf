package org.jakartamcp.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.List;
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
 * Trusted-proxy sign-in: the identity header counts on connections from a configured proxy
 * address and is ignored from any other. Both deployments get the test's requests from
 * 127.0.0.1: one trusts loopback, the other only 192.0.2.1.
 */
@ExtendWith(ArquillianExtension.class)
class TrustedProxyIT {

    @ArquillianResource
    @OperateOnDeployment("trusting")
    URL trusting;

    @ArquillianResource
    @OperateOnDeployment("distrusting")
    URL distrusting;

    @Deployment(name = "trusting", testable = false)
    static WebArchive trustingLoopback() {
        return Deployments.product("proxy-trusted.war", Map.of("auth.trusted-proxy.addresses", "127.0.0.0/8,::1"));
    }

    @ArquillianResource
    @OperateOnDeployment("groups")
    URL withGroups;

    @Deployment(name = "groups", testable = false)
    static WebArchive trustingLoopbackWithGroups() {
        return Deployments.product("proxy-groups.war", Map.of("auth.trusted-proxy.addresses", "127.0.0.1",
                "auth.trusted-proxy.groups-header", "X-Forwarded-Groups", "auth.allowed-groups", "mcp-users",
                "auth.call-groups", "mcp-callers", "auth.sso-session-days", "0"));
    }

    @Deployment(name = "distrusting", testable = false)
    static WebArchive trustingAnotherAddress() {
        return Deployments.product("proxy-untrusted.war", Map.of("auth.trusted-proxy.addresses", "192.0.2.1"));
    }

    @Test
    void fromTheProxyAddressTheForwardedUserIsSignedIn() {
        String user = "proxied-" + System.nanoTime();
        HttpResponse<String> page = authorizeWithHeader(trusting, user);
        assertTrue(page.uri().getPath().endsWith("/consent.xhtml"), "no password asked: " + page.uri());
        assertTrue(page.body().contains(user), "signed in as the forwarded user: " + page.body());
    }

    @Test
    void whenTheProxyNamesAnotherUserThatUserIsTheOneSignedIn() {
        String first = "proxied-first-" + System.nanoTime();
        String second = "proxied-second-" + System.nanoTime();
        String base = TestServer.awaitReady();
        String app = trusting.toString().replaceAll("/$", "");
        OAuthFlow browser = new OAuthFlow(app);
        String clientId = new OAuthFlow(base).registerPublicClient("Shared browser");
        browser.follow(browser.open(browser.authorizeUrl(clientId, browser.pkce(), Map.of("resource", base + "/mcp")),
                Map.of("X-Forwarded-User", first)));
        HttpResponse<String> page = browser.follow(browser.open(browser.authorizeUrl(clientId, browser.pkce(),
                Map.of("resource", base + "/mcp")), Map.of("X-Forwarded-User", second)));
        assertTrue(page.body().contains(second), "the second user, not the session's first: " + page.body());
    }

    @Test
    void theProxysGroupsReachTheAccessTokenAndDecideItsScope() {
        JsonObject caller = proxiedTokens("mcp-users, mcp-callers, finance");
        assertEquals("mcp:list mcp:call", caller.getString("scope"));
        assertEquals(List.of("mcp-users", "mcp-callers", "finance"),
                OAuthFlow.claims(caller.getString("access_token")).getJsonArray("groups").getValuesAs(JsonString::getString));

        JsonObject viewer = proxiedTokens("mcp-users");
        assertEquals("mcp:list", viewer.getString("scope"), "outside the call groups: no mcp:call");
        assertEquals("mcp:list", OAuthFlow.claims(viewer.getString("access_token")).getString("scope"));
    }

    @Test
    void afterTheSsoSessionTheClientMustSendTheUserBackToSignIn() {
        Proxied proxied = proxiedConsent("mcp-users");
        String code = OAuthFlow.query(OAuthFlow.location(proxied.browser().decide(proxied.consent(), "allow"))).get("code");
        JsonObject tokens = Http.json(proxied.browser().redeem(proxied.clientId(), code, proxied.pkce().verifier()));
        HttpResponse<String> refresh = proxied.browser().token(Map.of("grant_type", "refresh_token", "client_id", proxied.clientId(),
                "refresh_token", tokens.getString("refresh_token")));
        assertEquals(400, refresh.statusCode(), refresh.body());
        assertTrue(refresh.body().contains("sign in again"), "auth.sso-session-days=0 here: " + refresh.body());
    }

    @Test
    void theConsentPageSaysWhatIsWithheld() {
        HttpResponse<String> consent = proxiedConsent("mcp-users").consent();
        assertTrue(consent.body().contains("Calling tools is only for members of mcp-callers"), consent.body());
        assertFalse(consent.body().contains("Call the tools on your behalf"), consent.body());
    }

    private record Proxied(OAuthFlow browser, String clientId, OAuthFlow.Pkce pkce, HttpResponse<String> consent) {
    }

    private Proxied proxiedConsent(String groups) {
        String base = TestServer.awaitReady();
        String app = withGroups.toString().replaceAll("/$", "");
        OAuthFlow browser = new OAuthFlow(app);
        String clientId = new OAuthFlow(base).registerPublicClient("Behind the proxy");
        OAuthFlow.Pkce pkce = browser.pkce();
        Map<String, String> headers = Map.of("X-Forwarded-User", "grouped-" + System.nanoTime(), "X-Forwarded-Groups", groups);
        return new Proxied(browser, clientId, pkce, browser.follow(browser.open(browser.authorizeUrl(clientId, pkce,
                Map.of("resource", base + "/mcp")), headers)));
    }

    private JsonObject proxiedTokens(String groups) {
        Proxied proxied = proxiedConsent(groups);
        String code = OAuthFlow.query(OAuthFlow.location(proxied.browser().decide(proxied.consent(), "allow"))).get("code");
        return Http.json(proxied.browser().redeem(proxied.clientId(), code, proxied.pkce().verifier()));
    }

    @Test
    void aProxiedUserOutsideTheAllowedGroupsIsRefused() {
        String base = TestServer.awaitReady();
        String app = withGroups.toString().replaceAll("/$", "");
        OAuthFlow browser = new OAuthFlow(app);
        String clientId = new OAuthFlow(base).registerPublicClient("Behind the proxy");
        String user = "contractor-" + System.nanoTime();
        HttpResponse<String> page = browser.follow(browser.open(browser.authorizeUrl(clientId, browser.pkce(),
                Map.of("resource", base + "/mcp")), Map.of("X-Forwarded-User", user, "X-Forwarded-Groups", "contractors")));
        assertEquals(403, page.statusCode(), page.body());
        assertTrue(page.body().contains(user + " is not in a group that may use this server (mcp-users)"), page.body());
    }

    @Test
    void fromAnyOtherAddressTheHeaderIsIgnored() {
        HttpResponse<String> page = authorizeWithHeader(distrusting, "admin");
        assertTrue(page.uri().getPath().endsWith("/login.xhtml"), "the password is asked: " + page.uri());
        assertTrue(page.body().contains("id=\"password\""), page.body());
    }

    private static HttpResponse<String> authorizeWithHeader(URL deployment, String user) {
        String base = TestServer.awaitReady();
        String app = deployment.toString().replaceAll("/$", "");
        OAuthFlow browser = new OAuthFlow(app);
        String clientId = new OAuthFlow(base).registerPublicClient("Behind the proxy");
        String url = browser.authorizeUrl(clientId, browser.pkce(), Map.of("resource", base + "/mcp"));
        return browser.follow(browser.open(url, Map.of("X-Forwarded-User", user)));
    }
}
