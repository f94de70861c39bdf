package org.jakartamcp.oauth.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jakartamcp.oauth.OAuthException;

/** Turns a refused OAuth request into the error response the OAuth specifications define. */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

    @Override
    public Response toResponse(OAuthException exception) {
        return OAuthJson.error(exception);
    }
}
