package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each rule an ID-JAG must pass, with keys made here and a fixed clock. */
class IdentityAssertionValidatorTest {

    private static final String IDP = "https://idp.example.com";
    private static final String SERVER = "https://mcp.example.com";
    private static final String CLIENT = "client-1";
    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");
    private static final RSAKey KEY = key("idp-key");
    private static final RSAKey OTHER_KEY = key("idp-key");

    private JWKSource<SecurityContext> idpKeys = new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK()));

    private IdentityAssertionValidator validator() {
        return new IdentityAssertionValidator(issuer -> IDP.equals(issuer) ? Optional.of(idpKeys) : Optional.empty(), SERVER,
                List.of(SERVER + "/mcp", SERVER + "/sse"), OAuthSettings.SCOPES::contains, Duration.ofSeconds(30), Duration.ofMinutes(10),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aGoodAssertionGivesItsIssuerSubjectResourceAndScopes() {
        IdentityAssertion assertion = validator().validate(assertion(claims -> { }), CLIENT);
        assertEquals(IDP, assertion.issuer());
        assertEquals("user-1", assertion.subject());
        assertEquals("jti-1", assertion.jti());
        assertEquals(SERVER + "/mcp", assertion.resource());
        assertEquals(List.of("mcp:list", "mcp:call"), assertion.scopes());
        assertEquals(NOW.plusSeconds(300), assertion.expiresAt());
    }

    @Test
    void theTypHeaderMustSayIdJag() {
        assertRefused("its typ header must be oauth-id-jag+jwt, not JWT", sign(KEY, JWSAlgorithm.RS256, JOSEObjectType.JWT, claims(c -> { })));
        assertRefused("not missing", sign(KEY, JWSAlgorithm.RS256, null, claims(c -> { })));
        // RFC 7515 4.1.9: the media type may carry its application/ prefix
        validator().validate(sign(KEY, JWSAlgorithm.RS256, new JOSEObjectType("application/oauth-id-jag+jwt"), claims(c -> { })), CLIENT);
    }

    @Test
    void onlyAsymmetricSignaturesOfTheIssuersKeysCount() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("oauth-id-jag+jwt")).build(),
                claims(c -> { }));
        hmac.sign(new MACSigner(new byte[32]));
        assertRefused("algorithm HS256 is not accepted", hmac.serialize());
        assertRefused("signature is not valid for a key of " + IDP, sign(OTHER_KEY, JWSAlgorithm.RS256,
                new JOSEObjectType("oauth-id-jag+jwt"), claims(c -> { })));
        assertRefused("not a signed JWT", "not.a.jwt");
        assertRefused("not a signed JWT", "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.");
        assertRefused("not a signed JWT", "bnVsbA.e30.c2ln"); // a header of JSON null: nimbus throws a NullPointerException
    }

    @Test
    void theIssuerMustBeTrusted() {
        assertRefused("issuer is not a trusted identity provider: https://evil.example.com",
                assertion(claims -> claims.issuer("https://evil.example.com")));
        assertRefused("has no iss", assertion(claims -> claims.issuer(null)));
    }

    @Test
    void itMustBeForThisAuthorizationServerAndThisClient() {
        assertRefused("its aud must be " + SERVER, assertion(claims -> claims.audience(SERVER + "/mcp")));
        assertRefused("its aud must be " + SERVER, assertion(claims -> claims.audience((String) null)));
        validator().validate(assertion(claims -> claims.audience(SERVER + "/")), CLIENT);
        assertRefused("issued to another client", assertion(claims -> claims.claim("client_id", "client-2")));
        assertRefused("has no client_id", assertion(claims -> claims.claim("client_id", null)));
    }

    @Test
    void subjectAndJtiAreRequired() {
        assertRefused("has no sub", assertion(claims -> claims.subject(null)));
        assertRefused("has no jti", assertion(claims -> claims.jwtID(null)));
    }

    @Test
    void itIsAcceptedOnlyInsideItsShortValidityWindow() {
        assertRefused("has expired", assertion(claims -> claims.expirationTime(Date.from(NOW.minusSeconds(31)))));
        validator().validate(assertion(claims -> claims.expirationTime(Date.from(NOW.minusSeconds(29)))), CLIENT);
        assertRefused("issued in the future", assertion(claims -> claims.issueTime(Date.from(NOW.plusSeconds(31)))));
        assertRefused("has no iat", assertion(claims -> claims.issueTime(null)));
        assertRefused("has no exp", assertion(claims -> claims.expirationTime(null)));
        assertRefused("not valid yet", assertion(claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(60)))));
        assertRefused("lives longer than this server accepts (600 seconds)",
                assertion(claims -> claims.expirationTime(Date.from(NOW.plusSeconds(601)))));
    }

    @Test
    void theResourceMustBeOneOfThisServers() {
        assertRefused("resource is not one of this server's", assertion(claims -> claims.claim("resource", "https://other.example.com/mcp")));
        assertEquals(SERVER + "/sse", validator().validate(assertion(claims -> claims.claim("resource", SERVER + "/sse")), CLIENT).resource());
        assertEquals(SERVER + "/mcp", validator().validate(assertion(claims -> claims.claim("resource", null)), CLIENT).resource());
    }

    @Test
    void theScopesMustBeThisServers() {
        assertRefused("scopes this server does not have: chat.read", assertion(claims -> claims.claim("scope", "mcp:list chat.read")));
        assertEquals(List.of("mcp:list"), validator().validate(assertion(claims -> claims.claim("scope", "mcp:list")), CLIENT).scopes());
        assertEquals(List.of("mcp:list", "mcp:call"), validator().validate(assertion(claims -> claims.claim("scope", null)), CLIENT).scopes());
    }

    @Test
    void providerKeysThatCannotBeFetchedAreATemporaryFailureNotABadAssertion() {
        idpKeys = (selector, context) -> {
            throw new KeySourceException("down");
        };
        OAuthException refused = assertThrows(OAuthException.class, () -> validator().validate(assertion(claims -> { }), CLIENT));
        assertEquals("temporarily_unavailable", refused.error());
        assertEquals(503, refused.status());
    }

    @Test
    void aMissingAssertionIsAnInvalidRequest() {
        assertEquals("invalid_request", assertThrows(OAuthException.class, () -> validator().validate(null, CLIENT)).error());
        assertEquals("invalid_grant", assertThrows(OAuthException.class, () -> validator().validate("x".repeat(20_000), CLIENT)).error());
    }

    private void assertRefused(String reason, String assertion) {
        OAuthException refused = assertThrows(OAuthException.class, () -> validator().validate(assertion, CLIENT));
        assertEquals("invalid_grant", refused.error(), refused.getMessage());
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    private static String assertion(Consumer<JWTClaimsSet.Builder> change) {
        return sign(KEY, JWSAlgorithm.RS256, new JOSEObjectType("oauth-id-jag+jwt"), claims(change));
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(IDP).subject("user-1").audience(SERVER).jwtID("jti-1")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300)));
        Map.of("client_id", CLIENT, "resource", SERVER + "/mcp", "scope", "mcp:list mcp:call").forEach(claims::claim);
        change.accept(claims);
        return claims.build();
    }

    private static String sign(RSAKey key, JWSAlgorithm algorithm, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
