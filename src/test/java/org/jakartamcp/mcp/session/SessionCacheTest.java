package org.jakartamcp.mcp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifetime rules of cached sessions, with the time given rather than waited for. */
class SessionCacheTest {

    private static final Duration IDLE = Duration.ofMinutes(60);
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 29, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aSessionUsedHereExpiresOneIdleTimeoutAfterItsLastUse() {
        SessionCache cache = new SessionCache(100, IDLE);
        SessionCache.Entry entry = cache.put("a", session("a"), T0, T0);
        entry.lastUsed = T0.plusMinutes(30);

        assertFalse(cache.isExpired(entry, T0.plusMinutes(90)));
        assertTrue(cache.isExpired(entry, T0.plusMinutes(92)));
        assertEquals(List.of(entry), cache.expired(T0.plusMinutes(92)));
    }

    @Test
    void aLaterUseElsewhereSeenInTheDatabaseKeepsItAliveWithTheTouchIntervalsGrace() {
        SessionCache cache = new SessionCache(100, IDLE);
        SessionCache.Entry entry = cache.put("a", session("a"), T0, T0);
        entry.storedLastSeen = T0.plusMinutes(50);

        // stored times lag the real use by up to a minute: 50 + 1 + 60
        assertFalse(cache.isExpired(entry, T0.plusMinutes(110)));
        assertTrue(cache.isExpired(entry, T0.plusMinutes(112)));
        assertTrue(SessionCache.isExpired(null, T0, IDLE, T0.plusMinutes(62)));
        assertFalse(SessionCache.isExpired(null, T0, IDLE, T0.plusMinutes(60)));
    }

    @Test
    void aSessionWithAnOpenStreamNeverExpiresAndIsTouchedOnceAMinute() {
        SessionCache cache = new SessionCache(100, IDLE);
        SessionCache.Entry entry = cache.put("a", session("a"), T0, T0);
        entry.lastTouched = T0;
        entry.openStreams.incrementAndGet();

        assertFalse(cache.isExpired(entry, T0.plusDays(3)));
        assertEquals(List.of(), cache.dueForTouch(T0.plusSeconds(30)));
        assertEquals(List.of(entry), cache.dueForTouch(T0.plusSeconds(61)));

        entry.openStreams.decrementAndGet();
        assertTrue(cache.isExpired(entry, T0.plusDays(3)));
        assertEquals(List.of(), cache.dueForTouch(T0.plusSeconds(61)));
    }

    @Test
    void overTheMaximumTheLeastRecentlyUsedSessionsWithoutStreamsAreUnloaded() {
        SessionCache cache = new SessionCache(10, IDLE);
        for (int i = 0; i < 10; i++) {
            cache.put("s" + i, session("s" + i), T0, T0.plusSeconds(i));
        }
        cache.get("s0").openStreams.incrementAndGet();
        assertEquals(List.of(), cache.removeOverflow());

        cache.put("s10", session("s10"), T0, T0.plusSeconds(10));
        List<SessionCache.Entry> removed = cache.removeOverflow();

        // one over, plus a tenth of the maximum; s0 is the oldest but its stream keeps it
        assertEquals(List.of("s1", "s2"), removed.stream().map(entry -> entry.hash).toList());
        assertEquals(9, cache.size());
        assertNotNull(cache.get("s0"));
        assertNull(cache.get("s1"));
        assertNotNull(cache.byId("id-s0"));
        assertNull(cache.byId("id-s1"), "unloaded sessions are not found by id either");
    }

    @Test
    void aSessionIsFoundByItsIdUntilItIsRemoved() {
        SessionCache cache = new SessionCache(10, IDLE);
        SessionCache.Entry entry = cache.put("a", session("a"), T0, T0);
        assertSame(entry, cache.byId("id-a"));
        assertSame(entry, cache.remove("a"));
        assertNull(cache.byId("id-a"));
        assertNull(cache.byId("id-b"));
    }

    @Test
    void theFirstOfTwoRacingLoadsWins() {
        SessionCache cache = new SessionCache(10, IDLE);
        SessionCache.Entry first = cache.put("a", session("a"), T0, T0);
        SessionCache.Entry second = cache.put("a", session("a"), T0, T0);
        assertSame(first, second);
    }

    private static McpSession session(String hash) {
        return new McpSession("id-" + hash, hash, McpSession.Transport.STREAMABLE_HTTP, "alice");
    }
}
