package org.jakartamcp.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jakartamcp.identity.User;
import org.jakartamcp.identity.UserRepository;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.security.SecretHash;

/**
 * Issuing tokens: the token endpoint's grants (ending a grant is {@link GrantRevocation}'s). A code is
 * redeemed once; redeeming it again revokes the grant it was issued under, with every token of it (RFC 6749
 * 4.1.2, OAuth 2.1 4.1.3). Refresh tokens rotate on every use; a used one presented again revokes the grant
 * (OAuth 2.1 4.3.1), unless it comes within the grace period and its successor is still unused: then it gets the
 * same pair again ({@link RefreshGrace}). Grant types without a code (an assertion, client credentials) issue
 * through {@link #issueForNewGrant}.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = OAuthException.class)
public class Tokens {

    private static final Pattern CODE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    @Inject
    OAuthStore store;

    @Inject
    ScopePolicy scopes;

    @Inject
    SigningKeys keys;

    @Inject
    OAuthSettings settings;

    @Inject
    UserRepository users;

    @Inject
    GrantRevocation revocation;

    @Inject
    AuditTrail audit;

    @Inject
    SupportedScopes supportedScopes;

    private final Clock clock = Clock.systemUTC();

    /** What the token endpoint returns; refreshToken null when none was issued. */
    public record Issued(String accessToken, long expiresIn, String refreshToken, String scope) {
    }

    public Issued redeemCode(OAuthClient client, String code, String verifier, String redirectUri) {
        if (code == null || verifier == null) {
            throw OAuthException.invalidRequest("code and code_verifier are required");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        AuthorizationCode stored = store.lockCode(SecretHash.of(code)).orElseThrow(() -> invalidGrant("Unknown authorization code"));
        Grant grant = store.grant(stored.grantId).orElseThrow(() -> invalidGrant("Unknown authorization code"));
        if (!client.clientId().equals(grant.clientId())) {
            throw invalidGrant("The authorization code was issued to another client");
        }
        if (stored.usedAt != null) {
            revocation.revoke(grant, now, "authorization code replayed");
            throw invalidGrant("The authorization code was already used; the tokens issued for it are revoked");
        }
        stored.use(now);
        if (stored.expiresAt.isBefore(now)) {
            throw invalidGrant("The authorization code has expired");
        }
        // RFC 6749 4.1.3: required, and equal, when the authorization request named one
        if (!stored.redirectUri.isEmpty() && !stored.redirectUri.equals(redirectUri)) {
            throw invalidGrant("redirect_uri differs from the one in the authorization request");
        }
        if (!CODE_VERIFIER.matcher(verifier).matches() || !challengeMatches(verifier, stored.codeChallenge)) {
            throw invalidGrant("The code_verifier does not match the code_challenge");
        }
        if (grant.isRevoked()) {
            throw invalidGrant("The grant has been revoked");
        }
        return issue(grant, userOf(grant), grant.scope(), now, true);
    }

    public Issued refresh(OAuthClient client, String refreshToken, String requestedScope) {
        if (refreshToken == null) {
            throw OAuthException.invalidRequest("refresh_token is required");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // locked until the transaction ends: of two refreshes with one token (two processes, two instances), exactly
        // one rotates it; the other waits here and then finds it rotated, within the grace period
        RefreshToken stored = store.lockRefreshToken(SecretHash.of(refreshToken))
                .orElseThrow(() -> invalidGrant("Unknown refresh token"));
        Grant grant = store.grant(stored.grantId).orElseThrow(() -> invalidGrant("Unknown refresh token"));
        if (!client.clientId().equals(grant.clientId())) {
            throw invalidGrant("The refresh token was issued to another client");
        }
        if (stored.replacedAt != null) {
            return retried(stored, refreshToken, grant, requestedScope, now);
        }
        if (grant.isRevoked() || stored.expiresAt.isBefore(now)) {
            throw invalidGrant("The refresh token has expired or its grant was revoked");
        }
        String scope = grant.scope();
        List<String> requested = requestedScopes(requestedScope);
        if (!requested.isEmpty()) {
            if (!List.of(grant.scope().split(" ")).containsAll(requested)) {
                // refused before the token is spent, so that the client can retry with the same token
                throw new OAuthException("invalid_scope", "A refresh may only narrow the scope of the grant: " + grant.scope());
            }
            scope = supportedScopes.ordered(requested);
        }
        User user = userOf(grant);
        if (user.externalSignIn() != null && user.externalSignIn().plus(settings.ssoSessionLifetime()).isBefore(now)) {
            throw invalidGrant("The user last signed in through the company's sign-in more than "
                    + settings.ssoSessionLifetime().toDays() + " days ago; sign in again");
        }
        Issued issued = issue(grant, user, scope, now, true);
        boolean keepPair = !settings.refreshGrace().isZero();
        stored.replace(now, keepPair ? SecretHash.of(issued.refreshToken()) : null,
                keepPair ? RotatedPair.of(issued, now).seal(refreshToken, stored.tokenHash) : null);
        return issued;
    }

    /** A rotated refresh token presented again: within the grace period the pair already issued, else reuse. */
    private Issued retried(RefreshToken stored, String refreshToken, Grant grant, String requestedScope, OffsetDateTime now) {
        // the successor locked too (always the older token first, so two refreshes never wait for each other), so
        // that it is not used between this check and the answer
        boolean successorUsed = stored.successorHash == null
                || store.lockRefreshToken(stored.successorHash).map(successor -> successor.replacedAt != null).orElse(true);
        Optional<RotatedPair> pair = stored.successorPair == null ? Optional.empty()
                : RotatedPair.open(refreshToken, stored.tokenHash, stored.successorPair);
        if (RefreshGrace.of(stored.replacedAt, successorUsed, pair.isPresent(), now, settings.refreshGrace())
                == RefreshGrace.Outcome.REUSE) {
            revocation.revoke(grant, now, "used refresh token presented again");
            throw invalidGrant("The refresh token was already used; the grant is revoked");
        }
        if (grant.isRevoked()) {
            throw invalidGrant("The refresh token has expired or its grant was revoked");
        }
        RotatedPair issued = pair.orElseThrow();
        List<String> requested = requestedScopes(requestedScope);
        if (!requested.isEmpty() && !requested.stream().sorted().toList().equals(issued.scopeList().stream().sorted().toList())) {
            throw new OAuthException("invalid_scope", "This refresh token was just used; repeated within "
                    + settings.refreshGrace().toSeconds() + " seconds it answers with the same tokens, of scope: " + issued.scope());
        }
        return issued.issued(now);
    }

    private static List<String> requestedScopes(String requestedScope) {
        return requestedScope == null || requestedScope.isBlank() ? List.of() : List.of(requestedScope.trim().split(" +"));
    }

    private User userOf(Grant grant) {
        return users.find(grant.userId()).orElseThrow(() -> invalidGrant("The user's account is disabled"));
    }

    /**
     * Tokens under a new grant of this client for this user, scope and resource (RFC 8707), for grant types that
     * need no authorization code or consent screen (an identity assertion, a token exchange): the scope is
     * narrowed to what the user's account may have (invalid_scope when nothing is left), the grant is recorded
     * and audited like one the user allowed, and revoking it ends these tokens. A refresh token only if asked.
     * While the user's grant to the client for exactly this resource and scope is active, it is used again: a
     * client that redeems a new assertion every few minutes keeps one grant, not one per assertion.
     */
    public Issued issueForNewGrant(OAuthClient client, User user, String scope, String resource, boolean withRefreshToken) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String narrowed = scopes.narrow(scope, user);
        if (narrowed.isEmpty()) {
            throw new OAuthException("invalid_scope", "The user's account may not have the requested scope");
        }
        Grant grant = store.activeGrant(user.id(), client.clientId(), resource, narrowed).orElseGet(() -> {
            Grant made = new Grant(user.id(), client.clientId(), narrowed, resource, now);
            store.insert(made);
            store.firstGranted(client.clientId(), now);
            return made;
        });
        return issue(grant, user, narrowed, now, withRefreshToken);
    }

    private Issued issue(Grant grant, User user, String requested, OffsetDateTime now, boolean withRefreshToken) {
        String scope = scopes.narrow(requested, user);
        if (scope.isEmpty()) {
            throw invalidGrant("The user's account may no longer have the scope of this grant");
        }
        OffsetDateTime expires = now.plus(settings.accessTokenLifetime());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(Long.toString(user.id()))
                .audience(grant.resource())
                .issueTime(Date.from(now.toInstant()))
                .expirationTime(Date.from(expires.toInstant()))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", grant.clientId())
                .claim("scope", scope)
                .claim("upn", user.username())
                .claim("groups", user.groups())
                .claim("gid", grant.id())
                .build();
        String refreshToken = withRefreshToken ? SecretHash.newSecret() : null;
        if (withRefreshToken) {
            store.insert(new RefreshToken(SecretHash.of(refreshToken), grant.id(), now, now.plus(settings.refreshTokenLifetime())));
        }
        audit.record(AuditTrail.TOKEN_ISSUED, user.username(), "grant " + grant.id() + ", client " + grant.clientId() + ", scope "
                + scope + ", audience " + grant.resource());
        return new Issued(keys.sign(claims), settings.accessTokenLifetime().toSeconds(), refreshToken, scope);
    }

    static boolean challengeMatches(String verifier, String challenge) {
        byte[] expected = Base64.getUrlEncoder().withoutPadding().encodeToString(SecretHash.sha256(verifier))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description);
    }
}
