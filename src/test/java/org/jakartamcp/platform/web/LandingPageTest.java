package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LandingPageTest {

    @Test
    void defaultPortsAreLeftOut() {
        assertEquals("http://example.com", LandingPage.baseUrl("http", "example.com", 80, ""));
        assertEquals("https://example.com/mcp-server", LandingPage.baseUrl("https", "example.com", 443, "/mcp-server"));
    }

    @Test
    void otherPortsAndIpv6HostsAreWrittenOut() {
        assertEquals("http://localhost:8787", LandingPage.baseUrl("http", "localhost", 8787, ""));
        assertEquals("http://[::1]:8787", LandingPage.baseUrl("http", "::1", 8787, ""));
        assertEquals("http://[::1]:8787", LandingPage.baseUrl("http", "[::1]", 8787, ""));
    }
}
