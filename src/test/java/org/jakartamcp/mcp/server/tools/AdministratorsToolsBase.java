package org.jakartamcp.mcp.server.tools;

import jakarta.annotation.security.RolesAllowed;
import org.jakartamcp.mcp.spi.Tool;

/** A test fixture: a tool inherited from a class limited to a group ({@code @RolesAllowed} is not inherited by Java). */
@RolesAllowed("mcp-administrators")
public abstract class AdministratorsToolsBase {

    @Tool(name = "inherited_administrators_only", description = "Declared in a group-limited base class")
    public String inheritedAdministratorsOnly() {
        return "inherited";
    }
}
