package org.jakartamcp.oauth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jakartamcp.identity.ExternalAccounts;
import org.jakartamcp.identity.ExternalIdentity;
import org.jakartamcp.identity.SignInRefused;
import org.jakartamcp.identity.User;
import org.jakartamcp.platform.audit.AuditTrail;

/**
 * The JWT bearer grant (RFC 7523) with an Identity Assertion JWT Authorization Grant: Enterprise-Managed
 * Authorization, where the company's identity provider has already decided that this user may use this
 * client with this server, so there is no browser and no consent page. The assertion is validated
 * ({@link IdentityAssertionValidator}), used once, and its user signed in by the same rules as the
 * company sign-in ({@link ExternalAccounts}: the account by issuer and subject, allowed and administrator
 * groups); the tokens are this server's own, for the asserted resource and scopes (narrowed by
 * {@link ScopePolicy}), with a refresh token only when {@code oauth.id-jag.refresh-tokens} says so.
 */
@ApplicationScoped
public class IdJagGrant {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** draft-ietf-oauth-identity-assertion-authz-grant 7.2: what authorization server metadata lists. */
    public static final String PROFILE = "urn:ietf:params:oauth:grant-profile:id-jag";

    @Inject
    OAuthSettings oauth;

    @Inject
    IdJagSettings settings;

    @Inject
    TrustedIssuers issuers;

    @Inject
    ProtectedResources resources;

    @Inject
    SupportedScopes supportedScopes;

    @Inject
    UsedAssertions usedAssertions;

    @Inject
    ExternalAccounts accounts;

    @Inject
    Tokens tokens;

    @Inject
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();
    private IdentityAssertionValidator validator;

    @PostConstruct
    void createValidator() {
        validator = new IdentityAssertionValidator(issuers::keysOf, oauth.issuer(),
                List.of(resources.url(ProtectedResources.MCP), resources.url(ProtectedResources.SSE)), supportedScopes::isSupported,
                oauth.clockSkew(), settings.maxLifetime(), clock);
    }

    /** Whether any identity provider is trusted: without one the grant type is not offered. */
    public boolean offered() {
        return issuers.any();
    }

    public Tokens.Issued redeem(OAuthClient client, String assertion, String requestedScope, String requestedResource) {
        if (!offered()) {
            throw new OAuthException("unsupported_grant_type", "This server trusts no enterprise identity provider "
                    + "(oauth.id-jag.issuers), so it does not accept " + GRANT_TYPE);
        }
        try {
            return redeemChecked(client, assertion, requestedScope, requestedResource);
        } catch (OAuthException refused) {
            audit.recordRepeated(AuditTrail.ID_JAG_REFUSED, "client " + client.clientId(), refused.error() + ": " + refused.getMessage());
            throw refused;
        }
    }

    private Tokens.Issued redeemChecked(OAuthClient client, String assertion, String requestedScope, String requestedResource) {
        IdentityAssertion jag = validator.validate(assertion, client.clientId());
        if (requestedResource != null && !requestedResource.isBlank() && !requestedResource.equals(jag.resource())) {
            throw new OAuthException("invalid_target", "resource differs from the assertion's resource " + jag.resource());
        }
        String scope = scope(jag, requestedScope);
        // refusals above leave the assertion unspent, so that the client can correct its request; from here on it is used
        OffsetDateTime keepUntil = OffsetDateTime.ofInstant(jag.expiresAt().plus(oauth.clockSkew()), ZoneOffset.UTC);
        if (!usedAssertions.firstUse(jag.issuer(), jag.jti(), keepUntil)) {
            throw IdentityAssertionValidator.invalidGrant("The assertion was already used (jti " + bounded(jag.jti()) + ")");
        }
        User user;
        try {
            user = accounts.signIn(identity(jag));
        } catch (SignInRefused refused) {
            throw IdentityAssertionValidator.invalidGrant(refused.getMessage());
        }
        Tokens.Issued issued = tokens.issueForNewGrant(client, user, scope, jag.resource(), settings.refreshTokens());
        audit.record(AuditTrail.ID_JAG_ACCEPTED, user.username(), "from " + jag.issuer() + " (subject " + bounded(jag.subject())
                + "), client " + client.clientId() + ", scope " + issued.scope());
        return issued;
    }

    /** What the client asked for, if it asked, within what the provider allowed (Enterprise-Managed Authorization 7.2.1). */
    static String scope(IdentityAssertion jag, String requested) {
        if (requested == null || requested.isBlank()) {
            return String.join(" ", jag.scopes());
        }
        List<String> wanted = Arrays.stream(requested.strip().split(" +")).distinct().toList();
        if (!jag.scopes().containsAll(wanted)) {
            throw new OAuthException("invalid_scope", "The requested scope goes beyond the assertion's: " + String.join(" ", jag.scopes()));
        }
        return String.join(" ", jag.scopes().stream().filter(wanted::contains).toList());
    }

    private ExternalIdentity identity(IdentityAssertion jag) {
        var claims = jag.claims();
        String username = string(claims.getClaim(settings.usernameClaim())).or(() -> string(claims.getClaim("email"))).orElse(null);
        Object groups = claims.getClaim(settings.groupsClaim());
        List<String> groupList = groups instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : groups instanceof String single ? List.of(single) : List.of();
        // the subject written as the company sign-in writes it: the same person through either is one account
        return new ExternalIdentity("the identity provider " + jag.issuer(), Optional.of(jag.issuer() + " " + jag.subject()), username,
                string(claims.getClaim(settings.nameClaim())).orElse(null), Optional.of(groupList));
    }

    private static Optional<String> string(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    private static String bounded(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
