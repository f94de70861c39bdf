package org.jakartamcp.mcp.transport;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;

/** Refuses requests from browser origins that are not allowed (DNS rebinding protection), with 403. */
@Provider
@McpTransport
public class OriginFilter implements ContainerRequestFilter {

    @Inject
    TransportSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        // most MCP clients are no browsers and send no Origin: nothing to look up then
        if (origin != null && !OriginPolicy.allows(origin, settings.allowedOrigins())) {
            request.abortWith(McpHttpErrors.response(Response.Status.FORBIDDEN, JsonRpcError.invalidRequest(
                    "Forbidden: origin " + origin + " is not allowed (see mcp.allowed-origins)")));
        }
    }
}
