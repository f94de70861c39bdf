package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The rotation rule of the signing keys. The repository is an in-memory stand-in for the
 * PostgreSQL one (its queries run in the integration tests); what is tested here is which key
 * signs and which keys are published.
 */
class SigningKeysTest {

    /** Keys in a list, with the same meaning as the named queries. */
    static class KeysInMemory extends SigningKeyRepository {
        final List<SigningKeyRecord> keys = new ArrayList<>();

        @Override
        List<SigningKeyRecord> published(OffsetDateTime since) {
            return keys.stream().filter(key -> key.retiredAt == null || key.retiredAt.isAfter(since))
                    .sorted(Comparator.comparing((SigningKeyRecord key) -> key.createdAt).reversed()).toList();
        }

        @Override
        boolean rotateTo(SigningKeyRecord key, OffsetDateTime now, Predicate<SigningKeyRecord> stillGood) {
            List<SigningKeyRecord> active = keys.stream().filter(candidate -> candidate.retiredAt == null)
                    .sorted(Comparator.comparing((SigningKeyRecord candidate) -> candidate.createdAt).reversed()).toList();
            if (!active.isEmpty() && stillGood.test(active.get(0))) {
                return false;
            }
            active.forEach(previous -> previous.retire(now));
            keys.add(key);
            return true;
        }
    }

    /** What an instance saw before another one, starting at the same moment, stored its key: no key at all, once. */
    static final class KeysStoredMeanwhile extends KeysInMemory {
        private boolean seenEmpty;

        @Override
        List<SigningKeyRecord> published(OffsetDateTime since) {
            if (!seenEmpty) {
                seenEmpty = true;
                return List.of();
            }
            return super.published(since);
        }
    }

    private final KeysInMemory repository = new KeysInMemory();
    private final SigningKeys keys = signingKeys(repository, 30);

    @Test
    void theFirstUseCreatesAKeyThatSignsAndIsPublishedWithoutItsPrivatePart() throws Exception {
        String token = keys.sign(new JWTClaimsSet.Builder().subject("1").build());
        assertEquals(1, repository.keys.size());
        JWK published = keys.publicKeys().getKeys().get(0);
        assertTrue(!published.isPrivate());
        assertTrue(SignedJWT.parse(token).verify(new RSASSAVerifier((RSAKey) published)));
        assertEquals("at+jwt", SignedJWT.parse(token).getHeader().getType().getType());
    }

    @Test
    void aRotatedKeyStaysPublishedAndTheNewOneSigns() throws Exception {
        String before = keys.sign(new JWTClaimsSet.Builder().subject("1").build());
        keys.rotate();
        String after = keys.sign(new JWTClaimsSet.Builder().subject("1").build());
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        String newKid = SignedJWT.parse(after).getHeader().getKeyID();
        assertNotEquals(oldKid, newKid);
        List<String> published = keys.publicKeys().getKeys().stream().map(JWK::getKeyID).toList();
        assertEquals(List.of(newKid, oldKid), published, "newest first, the retired one still there for its tokens");
    }

    @Test
    void aKeyOlderThanItsLifetimeIsReplacedAtTheNextLoad() throws Exception {
        SigningKeys shortLived = signingKeys(repository, 0);
        String first = SignedJWT.parse(shortLived.sign(new JWTClaimsSet.Builder().build())).getHeader().getKeyID();
        String second = SignedJWT.parse(signingKeys(repository, 0).sign(new JWTClaimsSet.Builder().build())).getHeader().getKeyID();
        assertNotEquals(first, second);
        assertTrue(repository.keys.stream().anyMatch(key -> key.kid.equals(first) && key.retiredAt != null));
    }

    @Test
    void anInstanceThatFindsNoKeyWhileAnotherStoresOneKeepsTheOtherOne() throws Exception {
        KeysStoredMeanwhile shared = new KeysStoredMeanwhile();
        SigningKeys first = signingKeys(shared, 30);
        String firstKid = SignedJWT.parse(first.sign(new JWTClaimsSet.Builder().build())).getHeader().getKeyID();
        shared.seenEmpty = false; // the second instance looked before the first one's key was there

        SigningKeys second = signingKeys(shared, 30);
        String secondKid = SignedJWT.parse(second.sign(new JWTClaimsSet.Builder().build())).getHeader().getKeyID();

        assertEquals(firstKid, secondKid, "both instances sign with one key");
        assertEquals(1, shared.keys.size(), "no second key was stored");
        assertTrue(shared.keys.get(0).retiredAt == null);
    }

    @Test
    void aTokenSignedByAKeyAnotherInstanceJustMadeVerifiesHereAtOnce() throws Exception {
        CountingReads shared = new CountingReads();
        SigningKeys here = signingKeys(shared, 30);
        SigningKeys other = signingKeys(shared, 30);
        here.sign(new JWTClaimsSet.Builder().build()); // this instance has loaded the first key
        other.rotate();
        SignedJWT fromOther = SignedJWT.parse(other.sign(new JWTClaimsSet.Builder().subject("1").build()));

        int reads = shared.reads;
        assertTrue(here.verified(fromOther), "the new key is read at once, not a minute later");
        assertEquals(reads + 1, shared.reads);

        SignedJWT madeUp = SignedJWT.parse(new JWSHeader.Builder(SigningKeys.ALGORITHM).keyID("made-up").build().toBase64URL()
                + ".e30.c2ln");
        assertFalse(here.verified(madeUp));
        assertEquals(reads + 1, shared.reads, "an unknown key id right after does not read the keys again");
    }

    /** Keys in memory that count the reads of the published set. */
    static final class CountingReads extends KeysInMemory {
        int reads;

        @Override
        List<SigningKeyRecord> published(OffsetDateTime since) {
            reads++;
            return super.published(since);
        }
    }

    @Test
    void anExplicitRotationReplacesEvenAGoodKey() {
        keys.sign(new JWTClaimsSet.Builder().build());
        keys.rotate();
        assertEquals(2, repository.keys.size());
        assertEquals(1, repository.keys.stream().filter(key -> key.retiredAt == null).count());
    }

    static SigningKeys signingKeys(SigningKeyRepository repository, long keyDays) {
        OAuthSettings settings = new OAuthSettings();
        settings.accessTokenSeconds = Duration.ofMinutes(5).toSeconds();
        settings.signingKeyDays = keyDays;
        SigningKeys keys = new SigningKeys();
        keys.repository = repository;
        keys.settings = settings;
        return keys;
    }
}
