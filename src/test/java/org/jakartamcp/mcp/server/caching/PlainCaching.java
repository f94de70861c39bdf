package org.jakartamcp.mcp.server.caching;

/** The caching hints as a deployment with these settings chooses them, without a container. */
public final class PlainCaching {

    private PlainCaching() {
    }

    /** With the defaults of mcp.cache.deployment-ttl-ms and mcp.cache.resource-ttl-ms. */
    public static CacheHints defaults() {
        return hints(3_600_000, 0);
    }

    public static CacheHints hints(long deploymentTtlMs, long resourceTtlMs) {
        CacheHints hints = new CacheHints();
        hints.deploymentTtlMs = deploymentTtlMs;
        hints.resourceTtlMs = resourceTtlMs;
        hints.check();
        return hints;
    }
}
