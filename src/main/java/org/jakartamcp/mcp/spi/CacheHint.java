package org.jakartamcp.mcp.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long a client of protocol 2026-07-28 may keep the contents of a {@link Resource} or
 * {@link ResourceTemplate} (its {@code resources/read} result's {@code ttlMs}) and whether a shared
 * cache may hand them to another user ({@code cacheScope}). Without it a resource is fresh for
 * {@code mcp.cache.resource-ttl-ms} (0 by default: re-read every time) and private when its method
 * takes a {@link Caller}, public otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CacheHint {

    /** {@link #ttlMs()}: the configured default for resources, {@code mcp.cache.resource-ttl-ms}. */
    long CONFIGURED = -1;

    /** {@link #ttlMs()}: the contents change only with a redeploy or a configuration change ({@code mcp.cache.deployment-ttl-ms}). */
    long UNTIL_REDEPLOY = -2;

    /** Milliseconds a client may consider the contents fresh: 0 or more, or {@link #CONFIGURED} or {@link #UNTIL_REDEPLOY}. */
    long ttlMs() default CONFIGURED;

    Scope scope() default Scope.BY_PARAMETERS;

    /** Who may share cached contents. */
    enum Scope {
        /** Private when the method takes a {@link Caller}, public otherwise. */
        BY_PARAMETERS,
        /** The same for every user: any cache, shared gateways included, may keep them and serve them to anyone. */
        PUBLIC,
        /**
         * They depend on who asks (say through an injected bean that knows the user rather than a {@link Caller}
         * parameter): only a cache of the same authorization context may reuse them.
         */
        PRIVATE
    }
}
