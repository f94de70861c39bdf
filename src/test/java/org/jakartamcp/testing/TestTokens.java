package org.jakartamcp.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Access tokens for the tests that exercise MCP itself rather than sign-in: obtained once per
 * server through the real flow (registration, sign-in and consent pages, token endpoint), and
 * again when close to expiry. Requests to the MCP endpoints get one unless they carry their own
 * Authorization header.
 */
public final class TestTokens {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(4);
    private static final Set<String> MCP_ENDPOINTS = Set.of("mcp", "sse", "message");
    private static final Map<String, Token> TOKENS = new HashMap<>();

    private record Token(String value, long obtainedAt) {
    }

    private TestTokens() {
    }

    /** A bearer access token for {@code /mcp} of the server at this base URL (scheme, host and port). */
    public static String bearer(String base) {
        return bearer(base, "mcp");
    }

    /** A bearer access token for one endpoint ("mcp" or "sse"): each is its own resource (RFC 8707). */
    public static synchronized String bearer(String base, String endpoint) {
        String key = base + "/" + endpoint;
        Token token = TOKENS.get(key);
        if (token == null || System.nanoTime() - token.obtainedAt() > RENEW_AFTER.toNanos()) {
            token = new Token(new OAuthFlow(base).tokensFor(key).getString("access_token"), System.nanoTime());
            TOKENS.put(key, token);
        }
        return token.value();
    }

    /** The request with a token added when it goes to an MCP endpoint and has no Authorization header yet. */
    static HttpRequest authorized(HttpRequest request) {
        URI uri = request.uri();
        String path = uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!MCP_ENDPOINTS.contains(last) || request.headers().firstValue("Authorization").isPresent()) {
            return request;
        }
        String base = uri.getScheme() + "://" + uri.getAuthority();
        String endpoint = "mcp".equals(last) ? "mcp" : "sse";
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + bearer(base, endpoint)).build();
    }
}
