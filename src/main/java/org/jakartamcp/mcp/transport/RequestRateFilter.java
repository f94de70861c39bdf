package org.jakartamcp.mcp.transport;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.OptionalLong;
import org.jakartamcp.platform.ratelimit.RateLimits;

/**
 * Requests per user and minute on the MCP endpoints ({@code /mcp}, {@code /sse}, {@code /sse/message}):
 * past the limit, 429 with Retry-After and a JSON-RPC error. It runs right after the access token is
 * checked and before the body is read, so a refused request costs no parsing and no database
 * work; for the same reason the error carries no request id (JSON-RPC's null id).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class RequestRateFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        if (McpEndpoints.of(request.getUriInfo()) == null) {
            return;
        }
        String user = Principals.name(request.getSecurityContext());
        OptionalLong retryAfter = limits.tryAcquire(RateLimits.Kind.MCP_REQUESTS_PER_USER, user);
        if (retryAfter.isPresent()) {
            WebApplicationException refused = McpHttpErrors.tooManyRequests(retryAfter.getAsLong(),
                    "Too many requests: " + user + " reached this server's limit of requests per minute; try again in "
                            + retryAfter.getAsLong() + " s");
            request.abortWith(refused.getResponse());
        }
    }
}
