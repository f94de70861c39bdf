package org.jakartamcp.platform.database;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Test-only JAX-RS activation for the micro-deployments. */
@ApplicationPath("/")
public class ProbeApplication extends Application {
}
