package org.jakartamcp.platform.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application. It is mapped in web.xml as the default servlet ("/") rather than with
 * {@code @ApplicationPath}, so that Faces pages ({@code *.xhtml}) and REST endpoints share the root.
 * Bearer tokens are MicroProfile JWTs; which endpoints require one is decided per request (the MCP
 * endpoints do, discovery and the OAuth endpoints do not).
 */
@LoginConfig(authMethod = "MP-JWT", realmName = "mcp")
public class RestApplication extends Application {
}
