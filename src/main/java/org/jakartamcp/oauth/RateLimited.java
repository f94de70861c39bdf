package org.jakartamcp.oauth;

/** Too many requests of one kind from one address or for one account: 429 with Retry-After. */
public class RateLimited extends OAuthException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimited(String what, long retryAfterSeconds) {
        super("too_many_requests", "Too many " + what + "; try again in " + retryAfterSeconds + " s", 429);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
