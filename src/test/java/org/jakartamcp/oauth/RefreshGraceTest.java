package org.jakartamcp.oauth;

import static org.jakartamcp.oauth.RefreshGrace.Outcome.REPLAY;
import static org.jakartamcp.oauth.RefreshGrace.Outcome.REUSE;
import static org.jakartamcp.oauth.RefreshGrace.Outcome.ROTATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.jakartamcp.platform.security.SecretHash;
import org.jakartamcp.testing.MovableClock;
import org.junit.jupiter.api.Test;

/** When a rotated refresh token still gets the pair its rotation issued, and when it revokes the grant. */
class RefreshGraceTest {

    private static final Duration GRACE = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock();

    @Test
    void aTokenNotUsedBeforeRotates() {
        assertEquals(ROTATE, RefreshGrace.of(null, false, false, now(), GRACE));
        assertEquals(ROTATE, RefreshGrace.of(null, false, false, now(), Duration.ZERO));
    }

    @Test
    void aRetryWithinTheGracePeriodGetsThePairAgainUntilTheGracePeriodEnds() {
        OffsetDateTime rotated = now();
        assertEquals(REPLAY, RefreshGrace.of(rotated, false, true, now(), GRACE), "at the same instant (two processes)");
        clock.advance(Duration.ofSeconds(59));
        assertEquals(REPLAY, RefreshGrace.of(rotated, false, true, now(), GRACE), "a retry after a lost answer");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(REUSE, RefreshGrace.of(rotated, false, true, now(), GRACE), "the grace period is over");
        clock.advance(Duration.ofDays(1));
        assertEquals(REUSE, RefreshGrace.of(rotated, false, true, now(), GRACE));
    }

    @Test
    void onceItsSuccessorWasUsedItIsReuseAtOnce() {
        OffsetDateTime rotated = now();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(REUSE, RefreshGrace.of(rotated, true, true, now(), GRACE));
    }

    @Test
    void aZeroGracePeriodIsStrictRotation() {
        OffsetDateTime rotated = now();
        assertEquals(REUSE, RefreshGrace.of(rotated, false, true, now(), Duration.ZERO), "even at the same instant");
        assertEquals(REUSE, RefreshGrace.of(rotated, false, false, now(), Duration.ZERO));
    }

    @Test
    void withoutAKeptPairThereIsNothingToAnswerWith() {
        // rotated before the grace period existed, or with a zero grace period then
        assertEquals(REUSE, RefreshGrace.of(now(), false, false, now(), GRACE));
    }

    @Test
    void theGracePeriodIsConfigurableAndNeverOutlivesTheAccessTokenItReturns() {
        OAuthSettings settings = new OAuthSettings();
        settings.accessTokenSeconds = 300;
        settings.refreshGraceSeconds = 60;
        assertEquals(GRACE, settings.refreshGrace());
        settings.refreshGraceSeconds = 0;
        assertTrue(settings.refreshGrace().isZero());
        settings.refreshGraceSeconds = -5;
        assertTrue(settings.refreshGrace().isZero(), "negative means strict too");
        settings.refreshGraceSeconds = 3600;
        assertEquals(Duration.ofSeconds(300), settings.refreshGrace(), "capped at the access token lifetime");
    }

    @Test
    void thePairOpensOnlyWithTheOldTokenAndItsRow() {
        String old = SecretHash.newSecret();
        String hash = SecretHash.of(old);
        RotatedPair pair = RotatedPair.of(new Tokens.Issued("header.claims.signature", 300, SecretHash.newSecret(), "mcp:list mcp:call"), now());
        String sealed = pair.seal(old, hash);
        assertFalse(sealed.contains(pair.refreshToken()) || sealed.contains(pair.accessToken()), "never in clear");
        assertNotEquals(sealed, pair.seal(old, hash), "a fresh IV each time");

        assertEquals(pair, RotatedPair.open(old, hash, sealed).orElseThrow());
        String other = SecretHash.newSecret();
        assertTrue(RotatedPair.open(other, hash, sealed).isEmpty(), "another token cannot open it");
        assertTrue(RotatedPair.open(old, SecretHash.of(other), sealed).isEmpty(), "nor on another row");
        // a character in the middle: the last one of unpadded base64 may carry only bits the decoder drops
        int middle = sealed.length() / 2;
        String altered = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);
        assertTrue(RotatedPair.open(old, hash, altered).isEmpty(), "altered");
        assertTrue(RotatedPair.open(old, hash, "not base64 !").isEmpty());
        assertTrue(RotatedPair.open(old, hash, "").isEmpty());
        assertFalse(pair.toString().contains(pair.refreshToken()), "no token in a log line");
    }

    @Test
    void aRetriedAnswerIsTheSamePairWithItsExpiryCountingDown() {
        Tokens.Issued first = new Tokens.Issued("header.claims.signature", 300, "refresh", "mcp:call");
        RotatedPair pair = RotatedPair.of(first, now());
        assertEquals(first, pair.issued(now()));
        clock.advance(Duration.ofSeconds(20));
        assertEquals(new Tokens.Issued("header.claims.signature", 280, "refresh", "mcp:call"), pair.issued(now()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
