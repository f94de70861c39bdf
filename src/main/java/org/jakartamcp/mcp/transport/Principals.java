package org.jakartamcp.mcp.transport;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jakartamcp.mcp.spi.Caller;

/** Who is calling: the access token's user and groups; in open access, "anonymous" without groups. */
final class Principals {

    static final String ANONYMOUS = "anonymous";

    private Principals() {
    }

    static String name(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? ANONYMOUS : security.getUserPrincipal().getName();
    }

    static Caller caller(SecurityContext security) {
        Set<String> groups = security != null && security.getUserPrincipal() instanceof JsonWebToken token && token.getGroups() != null
                ? token.getGroups() : Set.of();
        return new Caller(name(security), groups);
    }
}
