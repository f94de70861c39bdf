package org.jakartamcp.mcp.server.tools;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.spi.Tool;

/** A test fixture: tools limited to groups by {@code @RolesAllowed}. */
@ApplicationScoped
public class GroupLimitedTools {

    @Tool(name = "administrators_only", description = "Answers administrators only")
    @RolesAllowed("mcp-administrators")
    public String administratorsOnly(Caller caller) {
        return "hello " + caller.principal();
    }

    @Tool(name = "opened_by_configuration", description = "Limited in code, opened to everyone by the configuration")
    @RolesAllowed("nobody")
    public String openedByConfiguration() {
        return "open";
    }
}
