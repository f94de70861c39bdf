package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * How the MCP endpoints read the Authorization header, beyond the token checks of ResourceProtectionIT: the
 * scheme's case does not matter; another scheme or an oversize token is an invalid token.
 */
class BearerTokenIT {

    private final String base = TestServer.awaitReady();

    @Test
    void anOversizeTokenOrAnotherSchemeIsAnInvalidTokenAndValidOnesStillWork() {
        String token = TestTokens.bearer(base);
        assertInvalid("Bearer " + token + "x".repeat(8192), "a token over oauth.access-token-max-length");
        assertInvalid("Basic YWRtaW46YWRtaW4=", "another scheme");
        assertEquals(200, initialize("bearer " + token).statusCode(), "the scheme in lower case (RFC 7235 2.1)");
        assertEquals(200, initialize("Bearer " + token).statusCode(), "a valid token after the refusals");
    }

    private void assertInvalid(String authorization, String what) {
        HttpResponse<String> response = initialize(authorization);
        assertEquals(401, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer error=\"invalid_token\""),
                what + ": " + response.headers().map());
    }

    private HttpResponse<String> initialize(String authorization) {
        return Http.sendAsIs(HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Content-Type", "application/json")
                .header("Accept", McpHttp.ACCEPT).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(McpHttp.initializeRequest(1, "2025-11-25"))).build());
    }
}
