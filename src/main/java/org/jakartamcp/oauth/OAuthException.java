package org.jakartamcp.oauth;

/** An OAuth error response (RFC 6749 5.2, RFC 7591 3.2.2): an error code, a description and the HTTP status. */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;

    public OAuthException(String error, String description) {
        this(error, description, 400);
    }

    public OAuthException(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException("invalid_request", description);
    }

    public static OAuthException invalidClientMetadata(String description) {
        return new OAuthException("invalid_client_metadata", description);
    }
}
