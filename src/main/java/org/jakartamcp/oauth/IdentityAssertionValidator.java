package org.jakartamcp.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The checks an ID-JAG must pass before this server honours it (Enterprise-Managed Authorization 7.4 and
 * 7.6; draft-ietf-oauth-identity-assertion-authz-grant 4.4.1; RFC 7523 3): a JWS with an asymmetric
 * algorithm, {@code typ} oauth-id-jag+jwt, signed by a key of its trusted issuer, for this authorization
 * server ({@code aud}) and one of its resources, issued to the client redeeming it, for scopes this server
 * has, with a subject and a jti, and inside its short validity window (allowing the configured clock skew).
 * Whether its jti was used before is the caller's check (it needs the database). Every refusal is
 * invalid_grant with the reason; a provider whose keys cannot be fetched is temporarily_unavailable.
 */
public final class IdentityAssertionValidator {

    static final String TYPE = "oauth-id-jag+jwt";
    /** Never "none" or a shared-secret (HMAC) algorithm: the provider's public keys are all we hold. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.copyOf(JWSAlgorithm.Family.SIGNATURE);
    private static final int MAX_ASSERTION_LENGTH = 16 * 1024;

    private final Function<String, Optional<JWKSource<SecurityContext>>> keysOfIssuer;
    private final String audience;
    private final List<String> resources;
    private final Predicate<String> supportedScope;
    private final Duration skew;
    private final Duration maxLifetime;
    private final Clock clock;

    /**
     * @param keysOfIssuer the keys of a trusted issuer, empty for any other
     * @param audience     this authorization server's issuer identifier
     * @param resources    this server's resource identifiers; the first is assumed when the assertion names none
     * @param supportedScope whether a scope is one this server has (the tools' own scopes included)
     */
    public IdentityAssertionValidator(Function<String, Optional<JWKSource<SecurityContext>>> keysOfIssuer, String audience,
                                      List<String> resources, Predicate<String> supportedScope, Duration skew, Duration maxLifetime,
                                      Clock clock) {
        this.keysOfIssuer = keysOfIssuer;
        this.audience = audience;
        this.resources = List.copyOf(resources);
        this.supportedScope = supportedScope;
        this.skew = skew;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    public IdentityAssertion validate(String assertion, String clientId) {
        if (assertion == null || assertion.isBlank()) {
            throw OAuthException.invalidRequest("assertion is required");
        }
        if (assertion.length() > MAX_ASSERTION_LENGTH) {
            throw invalidGrant("The assertion is longer than " + MAX_ASSERTION_LENGTH + " characters");
        }
        SignedJWT jwt;
        JWTClaimsSet unverified;
        try {
            jwt = SignedJWT.parse(assertion.strip());
            unverified = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            // nimbus throws a NullPointerException for a header that is JSON null (found by OAuthFuzzTest#assertion)
            throw invalidGrant("The assertion is not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!isIdJagType(header.getType())) {
            throw invalidGrant("The assertion is not an ID-JAG: its typ header must be " + TYPE + ", not "
                    + Optional.ofNullable(header.getType()).map(JOSEObjectType::getType).orElse("missing"));
        }
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw invalidGrant("The assertion's algorithm " + header.getAlgorithm() + " is not accepted (asymmetric signatures only)");
        }
        String issuer = unverified.getIssuer();
        if (issuer == null) {
            throw invalidGrant("The assertion has no iss");
        }
        JWKSource<SecurityContext> keys = keysOfIssuer.apply(issuer)
                .orElseThrow(() -> invalidGrant("The assertion's issuer is not a trusted identity provider: " + bounded(issuer)));
        JWTClaimsSet claims = verified(jwt, keys, issuer);
        return checked(claims, issuer, clientId);
    }

    private JWTClaimsSet verified(SignedJWT jwt, JWKSource<SecurityContext> keys, String issuer) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier((type, context) -> {
            // checked above, with a clearer message
        });
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(null); // each claim is checked below, each with its own message
        try {
            return processor.process(jwt, null);
        } catch (KeySourceException e) {
            throw new OAuthException("temporarily_unavailable", "The keys of the identity provider " + issuer
                    + " cannot be fetched right now; try again in a moment", 503);
        } catch (BadJOSEException | JOSEException | RuntimeException e) {
            throw invalidGrant("The assertion's signature is not valid for a key of " + issuer);
        }
    }

    private IdentityAssertion checked(JWTClaimsSet claims, String issuer, String clientId) {
        List<String> audiences = Optional.ofNullable(claims.getAudience()).orElse(List.of());
        if (audiences.stream().noneMatch(value -> audience.equals(value) || (audience + "/").equals(value))) {
            throw invalidGrant("The assertion is not for this authorization server: its aud must be " + audience);
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw invalidGrant("The assertion has no sub");
        }
        String assertedClient = stringClaim(claims, "client_id");
        if (assertedClient == null) {
            throw invalidGrant("The assertion has no client_id");
        }
        if (!assertedClient.equals(clientId)) {
            throw invalidGrant("The assertion was issued to another client");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw invalidGrant("The assertion has no jti (this server accepts each assertion once)");
        }
        Instant now = clock.instant();
        Instant expires = instant(claims.getExpirationTime(), "exp");
        Instant issued = instant(claims.getIssueTime(), "iat");
        if (!expires.plus(skew).isAfter(now)) {
            throw invalidGrant("The assertion has expired");
        }
        if (issued.minus(skew).isAfter(now)) {
            throw invalidGrant("The assertion was issued in the future (iat)");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(skew).isAfter(now)) {
            throw invalidGrant("The assertion is not valid yet (nbf)");
        }
        if (Duration.between(issued, expires).compareTo(maxLifetime) > 0) {
            throw invalidGrant("The assertion lives longer than this server accepts (" + maxLifetime.toSeconds() + " seconds)");
        }
        return new IdentityAssertion(issuer, subject, jti, expires, resource(claims), scopes(claims), claims);
    }

    private String resource(JWTClaimsSet claims) {
        Object value = claims.getClaim("resource");
        if (value == null) {
            return resources.get(0);
        }
        if (value instanceof String resource && resources.contains(resource)) {
            return resource;
        }
        throw invalidGrant("The assertion's resource is not one of this server's: " + String.join(", ", resources));
    }

    /** The asserted scopes; all of them must be this server's (7.6.2). Without a scope claim, mcp:list and mcp:call. */
    private List<String> scopes(JWTClaimsSet claims) {
        Object value = claims.getClaim("scope");
        if (value == null) {
            return OAuthSettings.SCOPES;
        }
        if (!(value instanceof String scope)) {
            throw invalidGrant("The assertion's scope must be a space-separated string");
        }
        List<String> asserted = Arrays.stream(scope.split(" ")).filter(part -> !part.isEmpty()).distinct().toList();
        List<String> unknown = asserted.stream().filter(part -> !supportedScope.test(part)).toList();
        if (!unknown.isEmpty()) {
            throw invalidGrant("The assertion's scope names scopes this server does not have: " + bounded(String.join(" ", unknown)));
        }
        return asserted;
    }

    private static boolean isIdJagType(JOSEObjectType type) {
        if (type == null) {
            return false;
        }
        String value = type.getType();
        // RFC 7515 4.1.9: "application/" may be omitted, and media types compare without regard to case
        if (value.regionMatches(true, 0, "application/", 0, 12)) {
            value = value.substring(12);
        }
        return TYPE.equalsIgnoreCase(value);
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value && !value.isBlank() ? value : null;
    }

    private static Instant instant(Date date, String claim) {
        if (date == null) {
            throw invalidGrant("The assertion has no " + claim);
        }
        return date.toInstant();
    }

    private static String bounded(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description);
    }
}
