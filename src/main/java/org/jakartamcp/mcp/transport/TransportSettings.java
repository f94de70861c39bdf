package org.jakartamcp.mcp.transport;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Limits and policies of the HTTP transports, from MicroProfile Config. */
@ApplicationScoped
public class TransportSettings {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "mcp.max-request-bytes", defaultValue = "1048576")
    int maxRequestBytes;

    @Inject
    @ConfigProperty(name = "mcp.max-json-depth", defaultValue = "64")
    int maxJsonDepth;

    @Inject
    @ConfigProperty(name = "mcp.keep-alive-seconds", defaultValue = "20")
    int keepAliveSeconds;

    /**
     * How often a stream resumed here while another instance writes it reads the event log even without a signal:
     * what a lost signal may delay it by.
     */
    @Inject
    @ConfigProperty(name = "mcp.resumed-stream-check-seconds", defaultValue = "2")
    int resumedStreamCheckSeconds;

    @Inject
    @ConfigProperty(name = "mcp.drain-seconds", defaultValue = "10")
    long drainSeconds;

    @Inject
    @ConfigProperty(name = "mcp.drain-reconnect-millis", defaultValue = "1000")
    long drainReconnectMillis;

    /** Origins allowed besides the loopback ones, comma-separated, e.g. {@code https://app.example.com}. */
    /** mcp.allowed-origins (read through Config: injecting Optional<List<String>> is not portable, Payara refuses it). */
    Optional<List<String>> allowedOrigins;

    @PostConstruct
    void readLists() {
        allowedOrigins = config.getOptionalValues("mcp.allowed-origins", String.class);
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    public Duration keepAlive() {
        return Duration.ofSeconds(keepAliveSeconds);
    }

    public Duration resumedStreamCheck() {
        return Duration.ofSeconds(Math.max(1, resumedStreamCheckSeconds));
    }

    /** How long a stopping instance lets its calls in flight finish before it ends their streams. */
    public Duration drain() {
        return Duration.ofSeconds(Math.max(0, drainSeconds));
    }

    /** The reconnection time ({@code retry:}) a stopping instance gives the clients of the streams it ends. */
    public long drainReconnectMillis() {
        return Math.max(0, drainReconnectMillis);
    }

    public List<String> allowedOrigins() {
        return allowedOrigins.orElse(List.of());
    }
}
