package org.jakartamcp.mcp.server.caching;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;

/** The caching hints of one cacheable result: how long it stays fresh, and who may share a cached copy. */
public record CachePolicy(long ttlMs, Scope scope) {

    /** For results that must not be reused at all: stale at once, and never across authorization contexts. */
    public static final CachePolicy NOT_CACHEABLE = new CachePolicy(0, Scope.PRIVATE);

    public CachePolicy {
        if (ttlMs < 0) {
            throw new IllegalArgumentException("ttlMs must be 0 or more, not " + ttlMs);
        }
    }

    /** The result with {@code ttlMs} and {@code cacheScope} (replacing any it had). */
    JsonObject addTo(JsonObject result) {
        return JSON.createObjectBuilder(result).add("ttlMs", ttlMs).add("cacheScope", scope.wire).build();
    }

    /** The values of {@code cacheScope}. */
    public enum Scope {
        /** The same for every user: any cache, shared gateways included, may serve it to anyone. */
        PUBLIC("public"),
        /** Depends on who asks: a cached copy may be reused only for the same authorization context. */
        PRIVATE("private");

        private final String wire;

        Scope(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
