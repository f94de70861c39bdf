package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds of subscriptions/listen (2026-07-28), from MicroProfile Config. Each listen stream also
 * takes one of the user's event-stream places ({@code mcp.max-streams-per-user}), and follows at most
 * {@code mcp.max-subscriptions-per-session} resources, like a session.
 */
@ApplicationScoped
public class ListenLimits {

    @Inject
    @ConfigProperty(name = "mcp.max-listens-per-user", defaultValue = "10")
    int maxListensPerUser;

    /** subscriptions/listen streams one user may hold open at once on this instance. */
    public int maxListensPerUser() {
        return maxListensPerUser;
    }
}
