package org.jakartamcp.mcp.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long sessions live and how many are kept, from MicroProfile Config (see README "Configuration"). */
@ApplicationScoped
public class SessionSettings {

    /** {@code last_seen_at} is written at most this often per session, so stored times lag the real ones by up to this. */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** A day: a desktop client left open overnight keeps its session; one gone for longer re-initializes after a 404. */
    @Inject
    @ConfigProperty(name = "mcp.session-idle-minutes", defaultValue = "1440")
    long idleMinutes;

    @Inject
    @ConfigProperty(name = "mcp.sessions-per-user", defaultValue = "100")
    int perUser;

    @Inject
    @ConfigProperty(name = "mcp.session-cache-size", defaultValue = "10000")
    int cacheSize;

    @Inject
    @ConfigProperty(name = "mcp.session-check-seconds", defaultValue = "5")
    long checkSeconds;

    /** A Streamable HTTP session unused this long, with no stream open, has expired. */
    public Duration idleTimeout() {
        return Duration.ofMinutes(Math.max(1, idleMinutes));
    }

    /** Streamable HTTP sessions one user may have; a new one ends the least recently used beyond it. */
    public int perUser() {
        return Math.max(1, perUser);
    }

    /** Sessions held in memory on one instance; the least recently used beyond it are reloaded from the database when used. */
    public int cacheSize() {
        return Math.max(1, cacheSize);
    }

    /** How often the cached sessions are checked against the database: a session ended elsewhere ends here within this. */
    public Duration checkInterval() {
        return Duration.ofSeconds(Math.max(1, checkSeconds));
    }
}
