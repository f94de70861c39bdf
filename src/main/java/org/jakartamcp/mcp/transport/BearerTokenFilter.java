package org.jakartamcp.mcp.transport;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.oauth.ProtectedResources;
import org.jakartamcp.oauth.RevokedGrants;

/**
 * The MCP endpoints ({@code /mcp}, {@code /sse}, {@code /sse/message}) take a bearer access token
 * in the Authorization header. MicroProfile JWT has checked its signature, issuer, audience and
 * expiry before this filter runs; this filter turns a missing or rejected token into 401 with the
 * challenge that starts a client's sign-in, refuses tokens of revoked grants, and refuses tokens
 * in the query string.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    @Inject
    McpAccess access;

    @Inject
    Challenges challenges;

    @Inject
    RevokedGrants revokedGrants;

    @Inject
    ProtectedResources resources;

    @Override
    public void filter(ContainerRequestContext request) {
        String endpoint = McpEndpoints.of(request.getUriInfo());
        if (endpoint == null || access.isOpen()) {
            return;
        }
        if (request.getUriInfo().getQueryParameters().containsKey("access_token")) {
            request.abortWith(McpHttpErrors.response(Response.Status.BAD_REQUEST, new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                    "Access tokens in the query string are refused: send the token in the Authorization header")));
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token && !revoked(token)
                && forThisEndpoint(token, endpoint)) {
            return;
        }
        boolean presented = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        request.abortWith(Response.fromResponse(McpHttpErrors.response(Response.Status.UNAUTHORIZED,
                        new JsonRpcError(JsonRpcError.INVALID_REQUEST, presented
                                ? "Unauthorized: the access token is invalid, expired or revoked"
                                : "Unauthorized: sign in (OAuth 2.1) and send the access token as Authorization: Bearer")))
                .header(HttpHeaders.WWW_AUTHENTICATE, presented ? challenges.invalidToken(endpoint) : challenges.missingToken(endpoint))
                .build());
    }

    /** RFC 8707: a token is for the resource it was asked for; one for /sse does not open /mcp. */
    private boolean forThisEndpoint(JsonWebToken token, String endpoint) {
        return token.getAudience() != null && token.getAudience().contains(resources.url(endpoint));
    }

    private boolean revoked(JsonWebToken token) {
        Object grant = token.getClaim("gid");
        if (grant instanceof jakarta.json.JsonNumber number) {
            return revokedGrants.isRevoked(number.longValue());
        }
        // a token without a grant was not issued by this server's token endpoint
        return !(grant instanceof Number number) || revokedGrants.isRevoked(number.longValue());
    }
}
