package org.jakartamcp.mcp.server.tools;

import jakarta.enterprise.context.ApplicationScoped;

/** A test fixture: the bean whose tools come from {@link AdministratorsToolsBase}. */
@ApplicationScoped
public class InheritedGroupLimitedTools extends AdministratorsToolsBase {
}
