package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Every page a browser shows carries the framing ban, the content security policy, no-referrer and
 * no-store (RFC 9700 4.16): the Faces pages signed out, signed in and as administrator, the landing
 * page, the error pages of Faces and of the authorization endpoint. The policy allows no script and
 * no inline style, so the pages must use none.
 */
class SecurityHeadersIT {

    /** What would need the policy loosened: a script, an event handler attribute or an inline style. */
    private static final Pattern NEEDS_MORE_THAN_THE_POLICY = Pattern.compile("<script|\\son[a-z]+=|\\sstyle=", Pattern.CASE_INSENSITIVE);

    private final String base = TestServer.awaitReady();

    @Test
    void everyPageForbidsFramingCachingAndReferrers() {
        OAuthFlow browser = new OAuthFlow(base);
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        pages.put("landing page", browser.open(base + "/"));
        pages.put("sign-in page", browser.open(base + "/login.xhtml"));
        pages.put("expired page", browser.open(base + "/expired.xhtml"));
        pages.put("error page", browser.open(base + "/error.xhtml"));
        pages.put("authorization error page", browser.open(base + "/authorize?response_type=code&client_id=no-such-client"));

        String clientId = browser.registerPublicClient("Headers client");
        HttpResponse<String> login = browser.follow(browser.open(browser.authorizeUrl(clientId, browser.pkce(), Map.of())));
        pages.put("sign-in page of a request", login);
        pages.put("consent page", browser.follow(browser.signIn(login, "admin", TestServer.adminPassword())));
        pages.put("account page", browser.open(base + "/account.xhtml"));
        pages.put("clients page", browser.open(base + "/admin/clients.xhtml"));
        pages.put("grants page", browser.open(base + "/admin/grants.xhtml"));
        pages.put("audit page", browser.open(base + "/admin/audit.xhtml"));

        pages.forEach((name, page) -> {
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), name + ": " + page.statusCode());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), name);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null), name);
            assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null), name);
            // Liberty adds no-cache=set-cookie to a response that sets a cookie
            assertTrue(List.of(page.headers().firstValue("Cache-Control").orElse("").split(", *")).contains("no-store"),
                    name + ": " + page.headers().allValues("Cache-Control"));
            assertFalse(NEEDS_MORE_THAN_THE_POLICY.matcher(page.body()).find(), name + " needs more than the policy allows: " + page.body());
        });
        assertEquals(400, pages.get("authorization error page").statusCode());
        assertTrue(pages.get("consent page").body().contains("Allow access?"), pages.get("consent page").body());
        assertTrue(pages.get("audit page").body().contains("Audit trail"), pages.get("audit page").body());
    }

    @Test
    void theStyleSheetAndDiscoveryStayCacheable() {
        HttpResponse<String> landing = Http.get(base + "/");
        String policy = landing.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("style-src 'self'"), policy);
        HttpResponse<String> css = Http.get(base + "/jakarta.faces.resource/site.css.xhtml");
        assertEquals(200, css.statusCode());
        assertFalse(css.headers().allValues("Cache-Control").contains("no-store"), css.headers().toString());
        assertEquals("DENY", css.headers().firstValue("X-Frame-Options").orElse(null));

        HttpResponse<String> discovery = Http.get(base + "/.well-known/oauth-authorization-server");
        List<String> caching = discovery.headers().allValues("Cache-Control");
        assertTrue(caching.size() == 1 && caching.get(0).contains("max-age=3600"), "discovery stays cacheable: " + caching);
        assertEquals("DENY", discovery.headers().firstValue("X-Frame-Options").orElse(null));
    }
}
