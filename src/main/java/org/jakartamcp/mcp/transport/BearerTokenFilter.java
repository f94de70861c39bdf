package org.jakartamcp.mcp.transport;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.oauth.AccessToken;
import org.jakartamcp.oauth.ProtectedResources;
import org.jakartamcp.oauth.RevokedGrants;
import org.jakartamcp.oauth.VerifiedTokens;

/**
 * The MCP endpoints ({@code /mcp}, {@code /sse}, {@code /sse/message}) take a bearer access token
 * in the Authorization header (RFC 6750 2.1), verified by the application itself ({@link VerifiedTokens}:
 * signature, type, issuer, expiry, and the audience of this endpoint, RFC 8707) and refused when its grant
 * has been revoked. A valid token becomes the request's principal, a MicroProfile {@code JsonWebToken};
 * a missing or refused one gets 401 with the challenge that starts a client's sign-in. Tokens in the
 * query string are refused.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    /** A proxy to the current request's. */
    @Context
    HttpServletRequest servletRequest;

    @Inject
    McpAccess access;

    @Inject
    Challenges challenges;

    @Inject
    RevokedGrants revokedGrants;

    @Inject
    ProtectedResources resources;

    @Inject
    VerifiedTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String endpoint = McpEndpoints.of(request.getUriInfo());
        if (endpoint == null || access.isOpen()) {
            return;
        }
        // the servlet request's query string, not UriInfo.getRequestUri(), which parses the whole URI (a tenth of this filter)
        if (servletRequest.getQueryString() != null && request.getUriInfo().getQueryParameters().containsKey("access_token")) {
            request.abortWith(McpHttpErrors.response(Response.Status.BAD_REQUEST, new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                    "Access tokens in the query string are refused: send the token in the Authorization header")));
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        AccessToken token = authorization == null ? null : tokens.accepted(bearer(authorization), resources.url(endpoint));
        if (token != null && !revokedGrants.isRevoked(token.grantId())) {
            request.setSecurityContext(new BearerSecurityContext(token.principal(), request.getSecurityContext().isSecure()));
            return;
        }
        boolean presented = authorization != null;
        request.abortWith(Response.fromResponse(McpHttpErrors.response(Response.Status.UNAUTHORIZED,
                        new JsonRpcError(JsonRpcError.INVALID_REQUEST, presented
                                ? "Unauthorized: the access token is invalid, expired or revoked"
                                : "Unauthorized: sign in (OAuth 2.1) and send the access token as Authorization: Bearer")))
                .header(HttpHeaders.WWW_AUTHENTICATE, presented ? challenges.invalidToken(endpoint) : challenges.missingToken(endpoint))
                .build());
    }

    /** The token of an Authorization header with the Bearer scheme (case-insensitive, RFC 7235 2.1); null for any other. */
    static String bearer(String authorization) {
        int scheme = BearerSecurityContext.BEARER.length();
        return authorization.length() > scheme + 1 && authorization.regionMatches(true, 0, BearerSecurityContext.BEARER, 0, scheme)
                && authorization.charAt(scheme) == ' ' ? authorization.substring(scheme + 1).strip() : null;
    }
}
