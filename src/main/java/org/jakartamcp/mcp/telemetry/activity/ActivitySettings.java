package org.jakartamcp.mcp.telemetry.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often each instance writes its current minute of activity; how long the minutes are kept is housekeeping's. */
@ApplicationScoped
public class ActivitySettings {

    /** A call shows on the activity page at most this late, and is placed in a minute at most this late. */
    @Inject
    @ConfigProperty(name = "activity.flush-seconds", defaultValue = "15")
    long flushSeconds;

    public Duration flushInterval() {
        return Duration.ofSeconds(Math.max(1, Math.min(60, flushSeconds)));
    }
}
