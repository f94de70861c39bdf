package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    @Test
    void loopbackOriginsAndNoOriginAreAllowed() {
        assertTrue(OriginPolicy.allows(null, List.of()));
        assertTrue(OriginPolicy.allows("http://localhost:6274", List.of()));
        assertTrue(OriginPolicy.allows("http://127.0.0.1", List.of()));
        assertTrue(OriginPolicy.allows("https://[::1]:8443", List.of()));
    }

    @Test
    void otherOriginsOnlyWhenConfigured() {
        assertFalse(OriginPolicy.allows("https://evil.example", List.of()));
        assertFalse(OriginPolicy.allows("http://localhost.evil.example", List.of()));
        assertFalse(OriginPolicy.allows("null", List.of()));
        assertFalse(OriginPolicy.allows("file://", List.of()));
        assertTrue(OriginPolicy.allows("https://App.Example.com", List.of("https://app.example.com")));
    }
}
