package org.jakartamcp.mcp.transport;

import jakarta.ws.rs.core.SecurityContext;
import jakarta.json.JsonString;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.oauth.ClientCredentialsGrant;

/**
 * Who is calling: the access token's user and groups, or the service client it was issued to (client credentials);
 * in open access, "anonymous" without groups.
 */
final class Principals {

    static final String ANONYMOUS = "anonymous";

    private Principals() {
    }

    static String name(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? ANONYMOUS : security.getUserPrincipal().getName();
    }

    static Caller caller(SecurityContext security) {
        if (security == null || !(security.getUserPrincipal() instanceof JsonWebToken token)) {
            return new Caller(name(security), Set.of());
        }
        boolean machine = token.getClaim(ClientCredentialsGrant.MACHINE_CLAIM) instanceof JsonString marker
                && ClientCredentialsGrant.MACHINE_VALUE.equals(marker.getString());
        return new Caller(name(security), token.getGroups() != null ? token.getGroups() : Set.of(), machine);
    }
}
