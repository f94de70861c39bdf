package org.jakartamcp.oauth;

/**
 * A refused authorization request. With a redirect URI the error goes back to the client
 * (RFC 6749 4.1.2.1); without one (unknown client, unregistered redirect URI) it must be shown to
 * the user instead, never sent to an unverified address.
 */
public class AuthorizationError extends OAuthException {

    private static final long serialVersionUID = 1L;

    private final String redirectUri;
    private final String state;

    AuthorizationError(String error, String description, String redirectUri, String state) {
        super(error, description);
        this.redirectUri = redirectUri;
        this.state = state;
    }

    static AuthorizationError toUser(String description) {
        return new AuthorizationError("invalid_request", description, null, null);
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String state() {
        return state;
    }
}
