package org.jakartamcp.platform.web;

import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application. It is mapped in web.xml as the default servlet ("/") rather than with
 * {@code @ApplicationPath}, so that Faces pages ({@code *.xhtml}) and REST endpoints share the root.
 */
public class RestApplication extends Application {
}
