package org.jakartamcp.mcp.server.caching;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The caching hints as a deployment with these settings chooses them, without a container. */
public final class PlainCaching {

    private PlainCaching() {
    }

    /** With the defaults CacheHints declares for mcp.cache.deployment-ttl-ms and mcp.cache.resource-ttl-ms. */
    public static CacheHints defaults() {
        return hints(declaredDefault("deploymentTtlMs"), declaredDefault("resourceTtlMs"));
    }

    public static CacheHints hints(long deploymentTtlMs, long resourceTtlMs) {
        CacheHints hints = new CacheHints();
        hints.deploymentTtlMs = deploymentTtlMs;
        hints.resourceTtlMs = resourceTtlMs;
        hints.check();
        return hints;
    }

    private static long declaredDefault(String field) {
        try {
            return Long.parseLong(CacheHints.class.getDeclaredField(field).getAnnotation(ConfigProperty.class).defaultValue());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
