package org.jakartamcp.oauth;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The protected resources this server is the authorization server for: the MCP endpoints. Their
 * identifiers (RFC 8707, RFC 9728) are the issuer's base URL plus the endpoint's path, and an
 * access token's audience is the one the client asked for.
 *
 * Dependent, not application-scoped: it holds nothing to share, and each of its (application-scoped) users calling it
 * directly saves a client proxy's lookup and reflective call on every MCP request.
 */
@Dependent
public class ProtectedResources {

    public static final String MCP = "mcp";
    public static final String SSE = "sse";

    @Inject
    OAuthSettings settings;

    /** The endpoints' identifiers: every MCP request asks for its endpoint's, to check its token's audience. */
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public String url(String path) {
        return MCP.equals(path) || SSE.equals(path) ? urls.computeIfAbsent(path, endpoint -> settings.issuer() + "/" + endpoint)
                : settings.issuer() + "/" + path;
    }

    public List<String> all() {
        return List.of(url(MCP), url(SSE));
    }

    /** Whether a client may ask for a token for this resource. */
    public boolean isKnown(String resource) {
        return all().contains(resource);
    }
}
