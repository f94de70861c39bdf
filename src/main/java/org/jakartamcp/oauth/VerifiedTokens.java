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

    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

    /** The token, verified and accepted now, if it is for this resource (RFC 8707); null otherwise. */
    public AccessToken accepted(String token, String resource) {
        if (token == null || token.length() > settings.accessTokenMaxLength()) {
            return null;
        }
        AccessToken known = verified.get(token);
        if (known == null || clock.millis() >= known.acceptedUntil()) {
            if (known != null) {
                verified.remove(token, known);
            }
            known = verifier.verify(token).orElse(null);
            if (known == null) {
                return null;
            }
            remember(token, known);
        }
        return known.audience().contains(resource) ? known : null;
    }

    /** How many tokens are remembered (for the tests of the bound). */
    int size() {
        return verified.size();
    }

    private void remember(String token, AccessToken accepted) {
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
        for (Iterator<String> tokens = verified.keySet().iterator(); excess > 0 && tokens.hasNext(); excess--) {
            tokens.next();
            tokens.remove();
        }
    }
}
