package org.jakartamcp.mcp.server.mrtr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Bounds of multi round-trip requests (input-required results), from MicroProfile Config. */
@ApplicationScoped
public class InputRequiredSettings {

    /** Long enough for a person to fill in a form; short, since the state can be replayed until it expires or is used. */
    @Inject
    @ConfigProperty(name = "mcp.input-required.state-lifetime-seconds", defaultValue = "600")
    long stateLifetimeSeconds;

    /** Every round carries all earlier answers back and forth; a handler that keeps asking is stopped here. */
    @Inject
    @ConfigProperty(name = "mcp.input-required.max-rounds", defaultValue = "10")
    int maxRounds;

    public Duration stateLifetime() {
        return Duration.ofSeconds(Math.max(1, stateLifetimeSeconds));
    }

    public int maxRounds() {
        return Math.max(1, maxRounds);
    }
}
