package org.jakartamcp.identity.oidc;

/** The company's identity provider could not be used or did not vouch for the user; the message is for the person signing in. */
public class UpstreamSignInFailed extends Exception {

    private static final long serialVersionUID = 1L;

    public UpstreamSignInFailed(String message) {
        super(message, null, false, false);
    }
}
