package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens verified recently, each remembered until it is no longer accepted (its expiry plus the
 * clock skew), so that a client's next request with the same token costs a map lookup and a comparison instead
 * of a signature check and a parse. At most {@code oauth.verified-tokens-max} are remembered: when that many
 * are, the expired ones go, and if none has expired an eighth of them, whichever the map yields first (a token
 * forgotten is simply verified again on its next use). Tokens longer than {@code oauth.access-token-max-length}
 * are refused before they are looked up. Revocation is not remembered here: the caller asks on every request.
 */
@ApplicationScoped
public class VerifiedTokens {

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    OAuthSettings settings;

    Clock clock = Clock.systemUTC();

    private final Map<TokenKey, AccessToken> verified = new ConcurrentHashMap<>();

    /**
     * A token as a key hashed by its last characters only (the signature's, as random as any), not all of its 800 or so:
     * String.hashCode of the header's fresh copy of the token was a percent of a tool call. Two tokens that end alike
     * share a bucket and are told apart by equals, over the whole token; only verified tokens are ever stored, so a
     * client cannot fill a bucket with tokens of its own making.
     */
    private record TokenKey(String token) {

        private static final int HASHED = 32;

        @Override
        public int hashCode() {
            int hash = 0;
            for (int i = Math.max(0, token.length() - HASHED); i < token.length(); i++) {
                hash = 31 * hash + token.charAt(i);
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenKey key && token.equals(key.token);
        }
    }

    /** The token, verified and accepted now, if it is for this resource (RFC 8707); null otherwise. */
    public AccessToken accepted(String token, String resource) {
        if (token == null || token.length() > settings.accessTokenMaxLength()) {
            return null;
        }
        TokenKey key = new TokenKey(token);
        AccessToken known = verified.get(key);
        if (known == null || clock.millis() >= known.acceptedUntil()) {
            if (known != null) {
                verified.remove(key, known);
            }
            known = verifier.verify(token).orElse(null);
            if (known == null) {
                return null;
            }
            remember(key, known);
        }
        return known.audience().contains(resource) ? known : null;
    }

    /** How many tokens are remembered (for the tests of the bound). */
    int size() {
        return verified.size();
    }

    private void remember(TokenKey token, AccessToken accepted) {
        int max = settings.verifiedTokensMax();
        if (max == 0) {
            return;
        }
        if (verified.size() >= max) {
            makeRoom(max);
        }
        verified.put(token, accepted);
    }

    private void makeRoom(int max) {
        long now = clock.millis();
        verified.values().removeIf(known -> now >= known.acceptedUntil());
        int excess = verified.size() - (max - Math.max(1, max / 8));
        for (Iterator<TokenKey> tokens = verified.keySet().iterator(); excess > 0 && tokens.hasNext(); excess--) {
            tokens.next();
            tokens.remove();
        }
    }
}
