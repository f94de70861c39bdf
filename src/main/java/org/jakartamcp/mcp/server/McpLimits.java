package org.jakartamcp.mcp.server;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.ratelimit.ConcurrencyLimit;

/**
 * What one request and one caller may cost, from MicroProfile Config: messages per batch, time per
 * request, tool calls and event streams at once per user, the size of what a client declares about
 * itself, and subscriptions per session. The defaults leave real clients far from every bound.
 */
@ApplicationScoped
public class McpLimits {

    @Inject
    @ConfigProperty(name = "mcp.max-batch-messages", defaultValue = "50")
    int maxBatchMessages;

    /** Once a request (a batch) has run this long, its remaining requests are answered with an error instead of run. */
    @Inject
    @ConfigProperty(name = "mcp.request-time-limit-seconds", defaultValue = "120")
    int requestTimeLimitSeconds;

    @Inject
    @ConfigProperty(name = "mcp.max-concurrent-calls-per-user", defaultValue = "8")
    int maxConcurrentCallsPerUser;

    @Inject
    @ConfigProperty(name = "mcp.max-streams-per-user", defaultValue = "100")
    int maxStreamsPerUser;

    @Inject
    @ConfigProperty(name = "mcp.max-client-capabilities-bytes", defaultValue = "16384")
    int maxClientCapabilitiesBytes;

    @Inject
    @ConfigProperty(name = "mcp.max-client-info-bytes", defaultValue = "4096")
    int maxClientInfoBytes;

    @Inject
    @ConfigProperty(name = "mcp.max-subscriptions-per-session", defaultValue = "100")
    int maxSubscriptionsPerSession;

    /** The longest URI a session may subscribe to (each is kept in memory while followed). */
    @Inject
    @ConfigProperty(name = "mcp.max-subscription-uri-length", defaultValue = "2048")
    int maxSubscriptionUriLength;

    private ConcurrencyLimit callsPerUser;
    private ConcurrencyLimit streamsPerUser;

    @PostConstruct
    void createCounters() {
        callsPerUser = new ConcurrencyLimit(maxConcurrentCallsPerUser);
        streamsPerUser = new ConcurrencyLimit(maxStreamsPerUser);
    }

    public int maxBatchMessages() {
        return maxBatchMessages;
    }

    public Duration requestTimeLimit() {
        return Duration.ofSeconds(requestTimeLimitSeconds);
    }

    /** Tool calls running at once, per user (principal), on this instance. */
    public ConcurrencyLimit callsPerUser() {
        return callsPerUser;
    }

    /** Event streams open at once, per user (principal), on this instance. */
    public ConcurrencyLimit streamsPerUser() {
        return streamsPerUser;
    }

    public int maxClientCapabilitiesBytes() {
        return maxClientCapabilitiesBytes;
    }

    public int maxClientInfoBytes() {
        return maxClientInfoBytes;
    }

    public int maxSubscriptionsPerSession() {
        return maxSubscriptionsPerSession;
    }

    public int maxSubscriptionUriLength() {
        return maxSubscriptionUriLength;
    }
}
