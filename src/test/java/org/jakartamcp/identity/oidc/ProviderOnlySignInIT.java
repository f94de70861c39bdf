package org.jakartamcp.identity.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.OAuthFlow;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deployment whose only sign-in is a provider that cannot be reached (nothing listens on its port):
 * the sign-in page offers the provider and no password form, and pressing it explains the outage.
 */
@ExtendWith(ArquillianExtension.class)
class ProviderOnlySignInIT {

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive providerOnly() {
        return Deployments.product("provider-only.war", Map.of("auth.oidc.issuer", "http://localhost:9/unreachable",
                "auth.oidc.client-id", "mcp-server", "auth.oidc.display-name", "Example SSO", "auth.local-login.enabled", "false"));
    }

    @Test
    void theSignInPageOffersOnlyTheProviderAndAnOutageIsExplained() {
        String app = deployment.toString().replaceAll("/$", "");
        OAuthFlow browser = new OAuthFlow(app);
        HttpResponse<String> login = browser.follow(browser.open(app + "/login.xhtml"));
        assertTrue(login.body().contains("Sign in with Example SSO"), login.body());
        assertFalse(login.body().contains("id=\"password\""), "no password form: " + login.body());

        HttpResponse<String> start = browser.open(app + "/oidc/start");
        assertEquals(503, start.statusCode(), start.body());
        assertTrue(start.body().contains("The identity provider (Example SSO) cannot be reached right now"), start.body());
    }
}
