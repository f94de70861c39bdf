package org.jakartamcp.platform.web;

import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application. It is mapped in web.xml as the default servlet ("/") rather than with
 * {@code @ApplicationPath}, so that Faces pages ({@code *.xhtml}) and REST endpoints share the root.
 * Bearer tokens are checked by the application per request (the MCP endpoints need one, discovery and the
 * OAuth endpoints do not; see BearerTokenFilter), not by the server's security, so the WAR runs alike on any
 * Jakarta EE server.
 */
public class RestApplication extends Application {
}
