package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session cookie is Secure when the public address is https (a deployment says so), and not on http://localhost. */
@ExtendWith(ArquillianExtension.class)
class SessionCookiesIT {

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive behindTls() {
        return Deployments.product("behind-tls.war", Map.of("oauth.issuer", "https://mcp.example.com"));
    }

    @Test
    void behindHttpsTheSessionCookieIsSecure() {
        String cookie = sessionCookie(deployment.toString().replaceAll("/$", "") + "/login.xhtml");
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void onPlainHttpLocalhostItIsNot() {
        String cookie = sessionCookie(TestServer.awaitReady() + "/login.xhtml");
        assertFalse(cookie.contains("Secure"), cookie);
    }

    private static String sessionCookie(String page) {
        HttpResponse<String> response = Http.get(page);
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }
}
