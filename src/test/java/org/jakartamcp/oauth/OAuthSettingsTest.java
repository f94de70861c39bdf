package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OAuthSettingsTest {

    @Test
    void aPublicAddressIsAnHttpUrlWithoutTrailingSlash() {
        assertEquals(Optional.empty(), OAuthSettings.issuerProblem("https://mcp.example.com"));
        assertEquals(Optional.empty(), OAuthSettings.issuerProblem("http://localhost:8787"));
        assertEquals(Optional.empty(), OAuthSettings.issuerProblem("https://example.com/mcp-server"));
        assertTrue(OAuthSettings.issuerProblem("https://mcp.example.com/").orElseThrow().contains("must not end with '/'"));
        assertTrue(OAuthSettings.issuerProblem("mcp.example.com").orElseThrow().contains("http(s) URL"));
        assertTrue(OAuthSettings.issuerProblem("https://mcp.example.com?x=1").isPresent());
    }
}
