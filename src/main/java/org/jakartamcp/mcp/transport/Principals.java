package org.jakartamcp.mcp.transport;

import jakarta.ws.rs.core.SecurityContext;

/** Who is calling; until sign-in is required everyone is "anonymous". */
final class Principals {

    static final String ANONYMOUS = "anonymous";

    private Principals() {
    }

    static String name(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? ANONYMOUS : security.getUserPrincipal().getName();
    }
}
