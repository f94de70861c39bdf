package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which responses are pages that no cache may keep: Faces views and the root, not style sheets or JAX-RS endpoints. */
class SecurityHeadersTest {

    @Test
    void pagesAreFacesViewsAndTheRoot() {
        for (String page : new String[] {"", "/", "/login.xhtml", "/admin/audit.xhtml", "/index.xhtml"}) {
            assertTrue(SecurityHeaders.isPage(page), page);
        }
        for (String other : new String[] {"/jakarta.faces.resource/site.css.xhtml", "/mcp", "/.well-known/oauth-authorization-server",
                "/jwks", "/token"}) {
            assertFalse(SecurityHeaders.isPage(other), other);
        }
    }

    @Test
    void onlyTheActivityPageMayRunScriptFilesOfThisServer() {
        assertTrue(SecurityHeaders.policy("/admin/activity.xhtml").contains("script-src 'self'"));
        assertFalse(SecurityHeaders.policy("/admin/activity.xhtml").contains("unsafe-inline"), "no inline script");
        for (String other : new String[] {"/login.xhtml", "/admin/audit.xhtml", "/consent.xhtml", "/", "/admin/activity"}) {
            assertFalse(SecurityHeaders.policy(other).contains("script-src"), other);
        }
    }
}
