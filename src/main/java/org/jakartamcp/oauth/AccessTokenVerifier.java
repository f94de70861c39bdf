package org.jakartamcp.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an access token of this server completely, as a resource server must (RFC 9068 4): a JWS signed with
 * RS256 by one of the published keys (named by its kid), of type {@code at+jwt}, issued by this server for one
 * of its protected resources, not expired (with the clock skew's leeway), not used before its time, and
 * carrying the subject and grant every token of the token endpoint has. Which resource a request is for is the
 * caller's check ({@link VerifiedTokens}); revocation too, since it can change while a token lives.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private static final Set<String> TYPES = Set.of("at+jwt", "application/at+jwt");

    @Inject
    SigningKeys keys;

    @Inject
    OAuthSettings settings;

    @Inject
    ProtectedResources resources;

    Clock clock = Clock.systemUTC();

    /** The verified token, or empty for anything that is not a valid access token of this server right now. */
    public Optional<AccessToken> verify(String token) {
        if (token == null || token.length() > settings.accessTokenMaxLength()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JOSEObjectType type = jwt.getHeader().getType();
            if (type == null || !TYPES.contains(type.getType().toLowerCase(java.util.Locale.ROOT)) || !keys.verified(jwt)) {
                return Optional.empty();
            }
            return accepted(jwt.getJWTClaimsSet()).map(claims -> new AccessToken(new AccessTokenPrincipal(token, claims),
                    ((Number) claims.getClaim("gid")).longValue(), Set.copyOf(claims.getAudience()),
                    claims.getExpirationTime().getTime() + settings.clockSkew().toMillis()));
        } catch (ParseException | RuntimeException e) {
            // a malformed token is a client's mistake, never the server's error
            return Optional.empty();
        }
    }

    private Optional<JWTClaimsSet> accepted(JWTClaimsSet claims) {
        long now = clock.millis();
        long skew = settings.clockSkew().toMillis();
        boolean valid = settings.issuer().equals(claims.getIssuer())
                && claims.getAudience().stream().anyMatch(resources::isKnown)
                && claims.getExpirationTime() != null && now < claims.getExpirationTime().getTime() + skew
                && notAfter(claims.getNotBeforeTime(), now + skew)
                && notAfter(claims.getIssueTime(), now + skew)
                && claims.getSubject() != null && !claims.getSubject().isBlank()
                && (claims.getClaim("gid") instanceof Long || claims.getClaim("gid") instanceof Integer);
        return valid ? Optional.of(claims) : Optional.empty();
    }

    private static boolean notAfter(Date time, long limit) {
        return time == null || time.getTime() <= limit;
    }
}
