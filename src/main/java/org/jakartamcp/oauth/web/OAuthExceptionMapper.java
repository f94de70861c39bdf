package org.jakartamcp.oauth.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jakartamcp.oauth.OAuthException;
import org.jakartamcp.oauth.RateLimited;

/** Turns a refused OAuth request into the error response the OAuth specifications define. */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

    @Override
    public Response toResponse(OAuthException exception) {
        Response response = OAuthJson.error(exception);
        if (exception.status() == 401) {
            // RFC 6749 5.2: a failed client authentication names the scheme the client may use
            return Response.fromResponse(response).header("WWW-Authenticate", "Basic realm=\"oauth\"").build();
        }
        if (exception instanceof RateLimited limited) {
            return Response.fromResponse(response).header("Retry-After", limited.retryAfterSeconds()).build();
        }
        return response;
    }
}
