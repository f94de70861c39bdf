package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The access-token check the MCP endpoints rely on, on plain objects: the real signing keys (an in-memory
 * repository), tokens signed by them as the token endpoint signs them, and forgeries that differ in one thing.
 */
class AccessTokenVerifierTest {

    static final String ISSUER = "https://mcp.example";

    private final SigningKeysTest.KeysInMemory repository = new SigningKeysTest.KeysInMemory();
    private final SigningKeys keys = SigningKeysTest.signingKeys(repository, 30);
    private final AccessTokenVerifier verifier = verifier(keys);
    private final Instant now = Instant.now();

    static AccessTokenVerifier verifier(SigningKeys keys) {
        OAuthSettings settings = keys.settings;
        settings.issuer = ISSUER;
        settings.clockSkewSeconds = 30;
        settings.accessTokenMaxLength = 8192;
        settings.verifiedTokensMax = 10_000;
        ProtectedResources resources = new ProtectedResources();
        resources.settings = settings;
        AccessTokenVerifier verifier = new AccessTokenVerifier();
        verifier.keys = keys;
        verifier.settings = settings;
        verifier.resources = resources;
        return verifier;
    }

    /** The claims the token endpoint signs (Tokens.issue), for a token valid five minutes from now. */
    static JWTClaimsSet.Builder claims(Instant now, String endpoint) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("7").audience(ISSUER + "/" + endpoint).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID("jti-1").claim("client_id", "client-1")
                .claim("scope", "mcp:list mcp:call").claim("upn", "ada").claim("groups", List.of("staff", "admins")).claim("gid", 42L);
    }

    @Test
    void aTokenOfTheTokenEndpointIsAcceptedAsAMicroProfileJsonWebToken() {
        String token = keys.sign(claims(now, "mcp").build());
        AccessToken accepted = verifier.verify(token).orElseThrow();
        assertEquals(42, accepted.grantId());
        assertEquals(Set.of(ISSUER + "/mcp"), accepted.audience());
        assertEquals(now.plusSeconds(300 + 30).getEpochSecond(), accepted.acceptedUntil() / 1000);

        AccessTokenPrincipal principal = accepted.principal();
        assertEquals("ada", principal.getName());
        assertEquals(Set.of("staff", "admins"), principal.getGroups());
        assertEquals(ISSUER, principal.getIssuer());
        assertEquals("7", principal.getSubject());
        assertEquals(Set.of(ISSUER + "/mcp"), principal.getAudience());
        assertEquals(now.plusSeconds(300).getEpochSecond(), principal.getExpirationTime());
        assertEquals(now.getEpochSecond(), principal.getIssuedAtTime());
        assertEquals("jti-1", principal.getTokenID());
        assertEquals(token, principal.getRawToken());
        // custom claims are JSON-P values, as MicroProfile JWT gives them
        assertEquals("mcp:list mcp:call", ((JsonString) principal.getClaim("scope")).getString());
        assertEquals(42L, ((JsonNumber) principal.getClaim("gid")).longValue());
        assertEquals(Optional.empty(), principal.claim("nonexistent"));
        assertTrue(principal.getClaimNames().containsAll(Set.of("iss", "sub", "aud", "exp", "iat", "jti", "upn", "groups", "gid", "raw_token")));
    }

    @Test
    void theNameIsTheUpnElsePreferredUsernameElseTheSubject() {
        JWTClaimsSet withoutUpn = claims(now, "mcp").claim("upn", null).claim("preferred_username", "ada.l").build();
        assertEquals("ada.l", verifier.verify(keys.sign(withoutUpn)).orElseThrow().principal().getName());
        JWTClaimsSet subjectOnly = claims(now, "mcp").claim("upn", null).claim("groups", null).build();
        AccessTokenPrincipal principal = verifier.verify(keys.sign(subjectOnly)).orElseThrow().principal();
        assertEquals("7", principal.getName());
        assertNull(principal.getGroups());
    }

    @Test
    void aForgedSignatureKidOrAlgorithmIsRefused() throws Exception {
        RSAKey real = RSAKey.parse(signingKey());
        assertAccepted(sign(real, JWSAlgorithm.RS256, "at+jwt", claims(now, "mcp").build()), "the forging itself is right");
        RSAKey other = new RSAKeyGenerator(2048).keyID(real.getKeyID()).generate();
        assertRefused(sign(other, JWSAlgorithm.RS256, "at+jwt", claims(now, "mcp").build()), "another key under the same kid");
        RSAKey unknownKid = new RSAKey.Builder(real).keyID("unknown").build();
        assertRefused(sign(unknownKid, JWSAlgorithm.RS256, "at+jwt", claims(now, "mcp").build()), "an unknown kid");
        RSAKey noKid = new RSAKey.Builder(real).keyID(null).build();
        assertRefused(sign(noKid, JWSAlgorithm.RS256, "at+jwt", claims(now, "mcp").build()), "no kid");
        assertRefused(new PlainJWT(claims(now, "mcp").build()).serialize(), "alg none");

        // the public key as an HMAC secret: the classic confusion of a verifier that trusts the header's alg
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(real.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims(now, "mcp").build());
        hmac.sign(new MACSigner(real.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertRefused(hmac.serialize(), "HS256 with the public key as secret");

        String valid = keys.sign(claims(now, "mcp").build());
        String[] parts = valid.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"ada\"", "\"root\"");
        assertRefused(parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2], "a tampered payload");
        assertAccepted(valid, "a valid token after the refusals");
    }

    @Test
    void onlyTheAccessTokenTypeIsAccepted() throws Exception {
        RSAKey real = RSAKey.parse(signingKey());
        assertAccepted(sign(real, JWSAlgorithm.RS256, "application/at+jwt", claims(now, "mcp").build()), "RFC 9068's long form");
        assertRefused(sign(real, JWSAlgorithm.RS256, "JWT", claims(now, "mcp").build()), "typ JWT (an ID token, say)");
        assertRefused(sign(real, JWSAlgorithm.RS256, null, claims(now, "mcp").build()), "no typ");
    }

    @Test
    void theIssuerAudienceAndRequiredClaimsAreChecked() {
        assertRefused(keys.sign(claims(now, "mcp").issuer("https://elsewhere.example").build()), "another issuer");
        assertRefused(keys.sign(claims(now, "mcp").issuer(ISSUER + "/").build()), "the issuer spelled differently");
        assertRefused(keys.sign(claims(now, "mcp").audience("https://elsewhere.example/mcp").build()), "another server's resource");
        assertRefused(keys.sign(claims(now, "mcp").audience((String) null).build()), "no audience");
        assertRefused(keys.sign(claims(now, "mcp").claim("gid", null).build()), "no grant");
        assertRefused(keys.sign(claims(now, "mcp").claim("gid", "42").build()), "a grant that is no number");
        assertRefused(keys.sign(claims(now, "mcp").subject(null).build()), "no subject");
        assertRefused(keys.sign(claims(now, "mcp").expirationTime(null).build()), "no expiry");
        assertAccepted(keys.sign(claims(now, "sse").build()), "a token for /sse is a token of this server (which endpoint is VerifiedTokens' check)");
    }

    @Test
    void expiryAndNotBeforeAllowTheClockSkewAndNoMore() {
        assertRefused(keys.sign(claims(now, "mcp").expirationTime(Date.from(now.minusSeconds(60))).build()), "expired beyond the skew");
        assertAccepted(keys.sign(claims(now, "mcp").expirationTime(Date.from(now.minusSeconds(10))).build()), "expired within the skew");
        assertRefused(keys.sign(claims(now, "mcp").notBeforeTime(Date.from(now.plusSeconds(60))).build()), "not yet valid");
        assertAccepted(keys.sign(claims(now, "mcp").notBeforeTime(Date.from(now.plusSeconds(10))).build()), "not yet valid within the skew");
        assertRefused(keys.sign(claims(now, "mcp").issueTime(Date.from(now.plusSeconds(600))).build()), "issued in the future");

        String token = keys.sign(claims(now, "mcp").build());
        verifier.clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(300 + 31));
        assertRefused(token, "the same token once its expiry plus the skew has passed");
    }

    @Test
    void anOversizeTokenIsRefusedUnreadAndGarbageIsRefused() {
        String big = keys.sign(claims(now, "mcp").claim("padding", "x".repeat(9000)).build());
        assertRefused(big, "a validly signed token over the length limit");
        assertRefused("not-a-jwt", "garbage");
        assertRefused("a.b.c", "three parts of garbage");
        assertRefused("", "empty");
        assertRefused(null, "none");
        assertAccepted(keys.sign(claims(now, "mcp").build()), "a valid token after the refusals");
    }

    private String signingKey() {
        keys.sign(claims(now, "mcp").build());
        return repository.keys.get(0).privateJwk;
    }

    private static String sign(RSAKey key, JWSAlgorithm algorithm, String type, JWTClaimsSet claims) throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID());
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertAccepted(String token, String what) {
        assertTrue(verifier.verify(token).isPresent(), what);
    }

    private void assertRefused(String token, String what) {
        assertEquals(Optional.empty(), verifier.verify(token), what);
    }
}
