package org.jakartamcp.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HashedKeyMapTest {

    @Test
    void keysHaveOneSizeWhateverWasSent() {
        HashedKeyMap.Key small = HashedKeyMap.key("kind", "a");
        HashedKeyMap.Key huge = HashedKeyMap.key("kind", "a".repeat(4 * 1024 * 1024));
        assertEquals(HashedKeyMap.key("kind", "a"), small, "the same text, the same key");
        assertNotEquals(small, huge);
        assertNotEquals(HashedKeyMap.key("kind", "a"), HashedKeyMap.key("other", "a"), "kinds apart");
        assertNotEquals(HashedKeyMap.key("ab", "c"), HashedKeyMap.key("a", "bc"), "scope and text do not run together");
    }

    @Test
    void aFloodOfNewKeysStaysWithinTheBoundAndDoesNotPushOutAKeyInUse() {
        HashedKeyMap<Object> map = new HashedKeyMap<>(1_600);
        Object first = map.computeIfAbsent(HashedKeyMap.key("k", "first"), Object::new);
        for (int i = 0; i < 200_000; i++) {
            map.computeIfAbsent(HashedKeyMap.key("k", "x" + i), Object::new);
            if (i % 50 == 0) {
                assertSame(first, map.computeIfAbsent(HashedKeyMap.key("k", "first"), Object::new), "kept while in use");
            }
        }
        assertTrue(map.size() <= 1_600, "entries: " + map.size());
        assertSame(first, map.get(HashedKeyMap.key("k", "first")));
        long flooded = java.util.stream.IntStream.range(0, 200_000)
                .filter(i -> map.get(HashedKeyMap.key("k", "x" + i)) != null).count();
        assertTrue(flooded < 1_600, "the flood keeps at most the bound: " + flooded);
    }

    @Test
    void theByteBoundDecidesWhenItIsTheSmaller() {
        assertEquals(100_000, HashedKeyMap.capacity(100_000, 1L << 40, RateLimits.BUCKET_BYTES));
        assertEquals((1 << 20) / (HashedKeyMap.KEY_BYTES + RateLimits.BUCKET_BYTES),
                HashedKeyMap.capacity(100_000, 1 << 20, RateLimits.BUCKET_BYTES));
        int defaults = HashedKeyMap.capacity(100_000, 33_554_432, RateLimits.BUCKET_BYTES);
        assertTrue((long) defaults * (HashedKeyMap.KEY_BYTES + RateLimits.BUCKET_BYTES) <= 33_554_432);
    }
}
