package org.jakartamcp.oauth.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * CORS for the OAuth endpoints a browser client calls (discovery, keys, registration, token,
 * revocation). Any origin may call them, without credentials (cookies): they are authenticated by
 * what the request carries (client credentials, PKCE verifier, tokens), never by ambient browser
 * state. Path-based rather than name-bound, so that it also answers the preflight OPTIONS requests
 * JAX-RS answers by itself.
 */
@Provider
public class CrossOriginFilter implements ContainerResponseFilter {

    private static final Pattern PATHS = Pattern.compile("/?(\\.well-known/.*|jwks|register|token|revoke)");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString("Origin") == null || !PATHS.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", "*");
        headers.putSingle("Access-Control-Expose-Headers", "WWW-Authenticate");
        if ("OPTIONS".equals(request.getMethod())) {
            headers.putSingle("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            headers.putSingle("Access-Control-Allow-Headers", "Authorization, Content-Type, MCP-Protocol-Version");
            headers.putSingle("Access-Control-Max-Age", "86400");
        }
    }
}
