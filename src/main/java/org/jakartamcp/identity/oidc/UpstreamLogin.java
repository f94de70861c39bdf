package org.jakartamcp.identity.oidc;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in sent to the company's identity provider and not yet back: the values that tie the
 * answer to this browser ({@code state}), to this ID token ({@code nonce}) and to this code (the
 * PKCE verifier), and the authorization request waiting for it (empty when signing in to the account page).
 */
public record UpstreamLogin(String state, String nonce, String codeVerifier, String pendingRequest, Instant startedAt)
        implements Serializable {
}
