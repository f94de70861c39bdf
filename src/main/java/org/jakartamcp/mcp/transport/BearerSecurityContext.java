package org.jakartamcp.mcp.transport;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The security of a request with a valid bearer token: its principal, and its groups as roles (as MicroProfile JWT maps them). */
record BearerSecurityContext(JsonWebToken token, boolean isSecure) implements SecurityContext {

    static final String BEARER = "Bearer";

    @Override
    public Principal getUserPrincipal() {
        return token;
    }

    @Override
    public boolean isUserInRole(String role) {
        Set<String> groups = token.getGroups();
        return groups != null && groups.contains(role);
    }

    @Override
    public String getAuthenticationScheme() {
        return BEARER;
    }
}
