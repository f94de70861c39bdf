package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {

    @Test
    void httpsAndLoopbackHttpAreAccepted() {
        assertNull(RedirectUris.problem("https://client.example/callback", List.of()));
        assertNull(RedirectUris.problem("http://localhost:6274/oauth/callback", List.of()));
        assertNull(RedirectUris.problem("http://127.0.0.1:33418/oauth/callback", List.of()));
        assertNull(RedirectUris.problem("http://[::1]/cb", List.of()));
    }

    @Test
    void plainHttpFragmentsRelativeAndUnknownSchemesAreRefused() {
        assertEquals("'http://client.example/cb' must use https, or http on a loopback address (localhost, 127.0.0.1, [::1])",
                RedirectUris.problem("http://client.example/cb", List.of()));
        assertEquals("'https://client.example/cb#x' must be an absolute URI without a fragment",
                RedirectUris.problem("https://client.example/cb#x", List.of()));
        assertEquals("'/cb' must be an absolute URI without a fragment", RedirectUris.problem("/cb", List.of()));
        assertTrue(RedirectUris.problem("cursor://anysphere.cursor-retrieval/oauth/callback", List.of()).contains("must use https"));
        assertNull(RedirectUris.problem("cursor://anysphere.cursor-retrieval/oauth/callback", List.of("cursor")),
                "a private-use scheme is accepted once configured");
        assertEquals("a redirect URI must be 1 to 2000 characters", RedirectUris.problem("https://a/" + "x".repeat(2000), List.of()));
        assertEquals("'https://a b' is not a URI", RedirectUris.problem("https://a b", List.of()));
    }

    @Test
    void loopbackMatchesOnAnyPortEverythingElseExactly() {
        assertTrue(RedirectUris.matches("http://localhost:3000/oauth/callback", "http://localhost:51234/oauth/callback"));
        assertTrue(RedirectUris.matches("http://127.0.0.1/cb", "http://127.0.0.1:8080/cb"));
        assertFalse(RedirectUris.matches("http://localhost:3000/oauth/callback", "http://localhost:3000/oauth/other"));
        assertFalse(RedirectUris.matches("http://localhost:3000/cb", "http://127.0.0.1:3000/cb"), "the host must match");
        assertFalse(RedirectUris.matches("http://localhost:3000/cb", "http://localhost:3000/cb?x=1"));
        assertFalse(RedirectUris.matches("https://client.example/cb", "https://client.example:8443/cb"));
        assertFalse(RedirectUris.matches("https://client.example/cb", "https://client.example/cb/"));
        assertTrue(RedirectUris.matches("https://client.example/cb", "https://client.example/cb"));
    }
}
