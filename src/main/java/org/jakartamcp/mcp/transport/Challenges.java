package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jakartamcp.oauth.OAuthSettings;

/** The WWW-Authenticate challenges of the MCP endpoints (RFC 6750 3, RFC 9728 5.1). */
@ApplicationScoped
public class Challenges {

    @Inject
    OAuthSettings settings;

    /** With the scopes clients need to work (RFC 6750 3): they ask for those first, and for a tool's own scope when it needs it. */
    String missingToken(String endpoint) {
        return "Bearer resource_metadata=\"" + metadata(endpoint) + "\", scope=\"" + String.join(" ", OAuthSettings.SCOPES) + "\"";
    }

    String invalidToken(String endpoint) {
        return "Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or revoked\", "
                + "resource_metadata=\"" + metadata(endpoint) + "\"";
    }

    String insufficientScope(String endpoint, String scope) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\", resource_metadata=\"" + metadata(endpoint) + "\"";
    }

    private String metadata(String endpoint) {
        return settings.issuer() + "/.well-known/oauth-protected-resource/" + endpoint;
    }
}
