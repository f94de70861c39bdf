package org.jakartamcp.identity;

/** A sign-in that the source vouched for but this server refuses; the message is written for the person signing in. */
public class SignInRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignInRefused(String message) {
        super(message, null, false, false);
    }
}
