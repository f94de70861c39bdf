package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jakartamcp.identity.AccessWithdrawn;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.security.SecretHash;

/**
 * Ending grants: by the client (RFC 7009), the user, an administrator, the user's source withdrawing their
 * access, or the token endpoint on a replayed code or a reused refresh token. Every token issued under a revoked
 * grant stops working, at once on this instance and within seconds on the others ({@link RevokedGrants}).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = OAuthException.class)
public class GrantRevocation {

    @Inject
    OAuthStore store;

    @Inject
    SigningKeys keys;

    @Inject
    OAuthSettings settings;

    @Inject
    RevokedGrants revokedGrants;

    @Inject
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /**
     * RFC 7009: revokes the grant behind a refresh token or an unexpired access token of this client, so that
     * every token issued under it stops working (access tokens at once on this instance, within seconds on the
     * others). Tokens this server does not know are ignored, as the RFC asks; a token of another client is
     * refused and stays valid (RFC 7009 2.1; RFC 6749 5.2 calls that invalid_grant). Refresh tokens are random
     * strings without dots, access tokens JWTs, so the type is known without token_type_hint.
     */
    public void revokeToken(OAuthClient client, String token) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Grant> grant = token.indexOf('.') < 0
                ? store.lockRefreshToken(SecretHash.of(token)).flatMap(stored -> store.grant(stored.grantId))
                : grantOfAccessToken(token, now);
        grant.ifPresent(found -> {
            if (!client.clientId().equals(found.clientId())) {
                throw invalidGrant("The token was issued to another client");
            }
            if (!found.isRevoked()) {
                revoke(found, now, "revoked by the client (RFC 7009)");
            }
        });
    }

    /** The grant of an access token this server signed and that is still accepted (expiry plus clock skew). */
    private Optional<Grant> grantOfAccessToken(String token, OffsetDateTime now) {
        return keys.verifiedClaims(token)
                .filter(claims -> settings.issuer().equals(claims.getIssuer()) && claims.getExpirationTime() != null
                        && claims.getExpirationTime().toInstant().plus(settings.clockSkew()).isAfter(now.toInstant()))
                .map(claims -> claims.getClaim("gid"))
                .filter(Number.class::isInstance)
                .flatMap(gid -> store.grant(((Number) gid).longValue()));
    }

    /** Revokes a grant of a user (the account page). */
    public boolean revokeGrant(long grantId, long userId) {
        return store.grant(grantId).filter(grant -> grant.userId() == userId && !grant.isRevoked())
                .map(grant -> {
                    revoke(grant, OffsetDateTime.now(clock), "revoked by the user");
                    return true;
                }).orElse(false);
    }

    /** The user's source withdrew their access: every grant of theirs ends. */
    void onAccessWithdrawn(@Observes AccessWithdrawn withdrawn) {
        store.activeGrantsOfUser(withdrawn.userId()).forEach(grant -> revoke(grant, withdrawn.reason()));
    }

    /** Ends a grant and every token issued under it, at once on this instance and within seconds on the others. */
    void revoke(Grant grant, String reason) {
        revoke(grant, OffsetDateTime.now(clock), reason);
    }

    void revoke(Grant grant, OffsetDateTime now, String reason) {
        grant.revoke(now);
        revokedGrants.revokedHere(grant.id());
        audit.record(AuditTrail.GRANT_REVOKED, grant.isServiceGrant() ? "client " + grant.clientId() : "user " + grant.userId(), "grant " + grant.id() + " of client " + grant.clientId()
                + ": " + reason);
    }

    private static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description);
    }
}
