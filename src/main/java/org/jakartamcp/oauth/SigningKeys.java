package org.jakartamcp.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jakartamcp.platform.database.DatabaseReady;

/**
 * The keys that sign access tokens (RS256, 2048 bits: verifying RS256 takes ~40 µs here against
 * ~1.1 ms for ES256, and every MCP request verifies a token), kept in PostgreSQL so that tokens stay valid across
 * restarts and instances. The newest key signs; the JWKS publishes it and every key retired less
 * than two access-token lifetimes ago, so a token signed just before a rotation still verifies.
 * A key older than {@code oauth.signing-key-days} is replaced when the set is next loaded. The
 * published set is cached and reloaded when this instance rotates or after a minute, which is how a
 * rotation on another instance is picked up; a token signed by a key this instance has not loaded yet (made by
 * another instance a moment ago) has the set read again at once, at most once every few seconds.
 */
@ApplicationScoped
public class SigningKeys {

    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);
    /** Made-up key ids must not make every request a database read. */
    static final Duration UNKNOWN_KEY_RELOAD_GAP = Duration.ofSeconds(5);

    @Inject
    SigningKeyRepository repository;

    @Inject
    OAuthSettings settings;

    private final Clock clock = Clock.systemUTC();
    private volatile Loaded loaded;
    private volatile OffsetDateTime reloadedForUnknownKey;

    /** The verifiers are made once per load: turning a JWK into a public key is most of a verifier's cost. */
    private record Loaded(RSAKey signer, JWKSet published, Map<String, JWSVerifier> verifiers, OffsetDateTime at) {
    }

    /** Makes sure a signing key exists before the server reports ready, so that the first JWKS fetch finds it. */
    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("signing key", this::current);
    }

    /** Signs the claims as an access token ({@code typ: at+jwt}, RFC 9068). */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = current().signer();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(ALGORITHM).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
        return jwt.serialize();
    }

    /**
     * The claims of an access token signed by one of the published keys, whatever its expiry, or empty for
     * anything else (not a JWS, another algorithm or key, a bad signature).
     */
    public Optional<JWTClaimsSet> verifiedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            return verified(jwt) ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the JWS is RS256 and its signature is right for one of the published keys, named by its kid. */
    public boolean verified(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        if (!ALGORITHM.equals(jwt.getHeader().getAlgorithm()) || kid == null) {
            return false;
        }
        JWSVerifier verifier = current().verifiers().get(kid);
        if (verifier == null) {
            verifier = reloadedFor(kid);
        }
        try {
            return verifier != null && jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    /** The verifier of a key another instance may just have made, after reading the keys again, unless that was done just now. */
    private JWSVerifier reloadedFor(String kid) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime last = reloadedForUnknownKey;
        if (last != null && last.plus(UNKNOWN_KEY_RELOAD_GAP).isAfter(now)) {
            return null;
        }
        reloadedForUnknownKey = now;
        return load().verifiers().get(kid);
    }

    /** The public keys as a JWK Set (RFC 7517), for {@code /jwks}. */
    public JWKSet publicKeys() {
        return current().published();
    }

    /** Creates a new signing key; the previous one stays published until its tokens have expired. */
    public synchronized void rotate() {
        repository.rotateTo(newKey(), OffsetDateTime.now(clock), newest -> false);
        loaded = null;
    }

    private Loaded current() {
        Loaded snapshot = loaded;
        if (snapshot == null || snapshot.at().plus(RELOAD_AFTER).isBefore(OffsetDateTime.now(clock))) {
            snapshot = load();
        }
        return snapshot;
    }

    private synchronized Loaded load() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<SigningKeyRecord> keys = repository.published(now.minus(settings.accessTokenLifetime().multipliedBy(2)));
        if (keys.isEmpty() || keys.get(0).retiredAt != null || !isGood(keys.get(0), now)) {
            // instances doing this at once: one replaces the key, the others find its key good and keep it
            repository.rotateTo(newKey(), now, newest -> isGood(newest, now));
            keys = repository.published(now.minus(settings.accessTokenLifetime().multipliedBy(2)));
        }
        try {
            RSAKey signer = RSAKey.parse(keys.get(0).privateJwk);
            List<JWK> published = new java.util.ArrayList<>();
            Map<String, JWSVerifier> verifiers = new HashMap<>();
            for (SigningKeyRecord key : keys) {
                JWK publicKey = JWK.parse(key.publicJwk);
                published.add(publicKey);
                if (publicKey instanceof RSAKey rsa) {
                    verifiers.put(rsa.getKeyID(), new RSASSAVerifier(rsa));
                }
            }
            loaded = new Loaded(signer, new JWKSet(published), Map.copyOf(verifiers), now);
            return loaded;
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
        }
    }

    /** Whether an active key may go on signing: the algorithm is right and it is younger than its lifetime. */
    private boolean isGood(SigningKeyRecord key, OffsetDateTime now) {
        return ALGORITHM.getName().equals(key.algorithm) && !key.createdAt.plus(settings.signingKeyLifetime()).isBefore(now);
    }

    private SigningKeyRecord newKey() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(ALGORITHM)
                    .keyID(UUID.randomUUID().toString()).generate();
            return new SigningKeyRecord(key.getKeyID(), ALGORITHM.getName(), key.toJSONString(),
                    key.toPublicJWK().toJSONString(), OffsetDateTime.now(clock));
        } catch (JOSEException e) {
            throw new IllegalStateException("Generating a signing key failed", e);
        }
    }
}
