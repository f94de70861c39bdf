package org.jakartamcp.mcp.server.caching;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.mrtr.ExchangeInput;
import org.jakartamcp.mcp.spi.CacheHint;
import org.jakartamcp.mcp.spi.Caller;

/**
 * The caching hints ({@code ttlMs}, {@code cacheScope}) that protocol 2026-07-28 requires on the complete results
 * of {@code server/discover}, {@code tools/list}, {@code prompts/list}, {@code resources/list},
 * {@code resources/templates/list} and {@code resources/read}, and the rules that choose them.
 *
 * <p>Sessions of the older revisions (2025-11-25 and before) get none: the fields belong to 2026-07-28 alone (its
 * {@code CacheableResult}; no earlier schema names them), so an older client gives them no meaning and a cache in
 * between has no rule to follow; those sessions learn of changes from {@code list_changed} and resource update
 * notifications on their stream instead; and the caching page itself expects them missing from "older server
 * versions" (a client then assumes 0). Their results stay exactly what those revisions define.
 * {@code server/discover} is a 2026-07-28 method wherever it is asked, so its result always has that revision's shape.
 */
@ApplicationScoped
public class CacheHints {

    private static final Logger LOG = Logger.getLogger(CacheHints.class.getName());

    /**
     * How long what changes only with a redeploy or a configuration change stays fresh: the lists (tools, prompts,
     * resources, templates: read once at deployment), server/discover, and resources that say so.
     */
    @Inject
    @ConfigProperty(name = "mcp.cache.deployment-ttl-ms", defaultValue = "3600000")
    long deploymentTtlMs;

    /** How long a resource's contents stay fresh when its author does not say ({@link CacheHint}): 0, re-read each time. */
    @Inject
    @ConfigProperty(name = "mcp.cache.resource-ttl-ms", defaultValue = "0")
    long resourceTtlMs;

    /** A negative TTL must never reach a client (clients would read it as 0): it is 0, and the log says so. */
    @PostConstruct
    void check() {
        deploymentTtlMs = atLeastZero("mcp.cache.deployment-ttl-ms", deploymentTtlMs);
        resourceTtlMs = atLeastZero("mcp.cache.resource-ttl-ms", resourceTtlMs);
    }

    /** Reads the settings at start, so that a wrong one is reported then rather than at the first list. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "Caching hints: " + deploymentTtlMs + " ms until redeploy, " + resourceTtlMs + " ms for resources");
    }

    /** A list that is the same for everyone is public; one filtered by the caller's groups is private. */
    public CachePolicy list(boolean dependsOnCaller) {
        return new CachePolicy(deploymentTtlMs, dependsOnCaller ? CachePolicy.Scope.PRIVATE : CachePolicy.Scope.PUBLIC);
    }

    /** What the server speaks and offers is the same for every caller and changes only with a redeploy. */
    public CachePolicy discover() {
        return list(false);
    }

    /** The hints of a resource's contents: its {@link CacheHint}, else the configured TTL and the scope its parameters imply. */
    public CachePolicy resource(Method method) {
        CacheHint hint = method.getAnnotation(CacheHint.class);
        long ttl = hint == null || hint.ttlMs() == CacheHint.CONFIGURED ? resourceTtlMs
                : hint.ttlMs() == CacheHint.UNTIL_REDEPLOY ? deploymentTtlMs : hint.ttlMs();
        CacheHint.Scope declared = hint == null ? CacheHint.Scope.BY_PARAMETERS : hint.scope();
        CachePolicy.Scope scope = switch (declared) {
            case PUBLIC -> CachePolicy.Scope.PUBLIC;
            case PRIVATE -> CachePolicy.Scope.PRIVATE;
            // the caller's own, or built from what the caller's client answered (multi round-trip requests)
            case BY_PARAMETERS -> Arrays.stream(method.getParameterTypes()).anyMatch(type -> type == Caller.class
                    || ExchangeInput.TYPES.contains(type)) ? CachePolicy.Scope.PRIVATE : CachePolicy.Scope.PUBLIC;
        };
        return new CachePolicy(ttl, scope);
    }

    /** Refuses a {@link CacheHint} whose TTL means nothing, so that the deployment names the method. */
    public static void requireValid(Method method) {
        CacheHint hint = method.getAnnotation(CacheHint.class);
        if (hint != null && hint.ttlMs() < 0 && hint.ttlMs() != CacheHint.CONFIGURED && hint.ttlMs() != CacheHint.UNTIL_REDEPLOY) {
            throw new IllegalArgumentException(method + ": @CacheHint ttlMs must be 0 or more (or CONFIGURED or UNTIL_REDEPLOY), not "
                    + hint.ttlMs());
        }
    }

    /** The result of a request, with the policy's hints when the request speaks 2026-07-28. */
    public JsonObject addTo(JsonObject result, CachePolicy policy, JsonObject params, McpExchange exchange) {
        ProtocolVersion version = exchange.session().protocolVersion();
        return version != null && version.isStateless() ? withHints(result, policy, params) : result;
    }

    /** The result of server/discover, with the hints in every era (the method exists in 2026-07-28 only). */
    public JsonObject addToDiscover(JsonObject result, JsonObject params) {
        return withHints(result, discover(), params);
    }

    static JsonObject withHints(JsonObject result, CachePolicy policy, JsonObject params) {
        if ("input_required".equals(result.getString("resultType", null))) {
            return result; // an interim result asks the client for input: not cacheable, and it carries no hints
        }
        // a retried multi round-trip request depends on inputs outside the cache key: clients must not cache it
        boolean retried = params.containsKey("inputResponses") || params.containsKey("requestState");
        return (retried ? CachePolicy.NOT_CACHEABLE : policy).addTo(result);
    }

    private static long atLeastZero(String name, long value) {
        if (value < 0) {
            LOG.severe(name + " must be 0 or more milliseconds, not " + value + "; using 0");
            return 0;
        }
        return value;
    }
}
