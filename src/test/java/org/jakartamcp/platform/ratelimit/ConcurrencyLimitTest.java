package org.jakartamcp.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    @Test
    void aKeyGetsAtMostMaxPlacesAndAReleasedPlaceCanBeTakenAgain() {
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        assertTrue(limit.tryAcquire("alice"));
        assertTrue(limit.tryAcquire("alice"));
        assertFalse(limit.tryAcquire("alice"));
        assertEquals(2, limit.inUse("alice"));

        limit.release("alice");
        assertTrue(limit.tryAcquire("alice"));
        assertFalse(limit.tryAcquire("alice"));
    }

    @Test
    void keysAreCountedApart() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1);
        assertTrue(limit.tryAcquire("alice"));
        assertFalse(limit.tryAcquire("alice"));
        assertTrue(limit.tryAcquire("bob"));
    }

    @Test
    void aKeyWithNothingRunningIsNotKept() {
        ConcurrencyLimit limit = new ConcurrencyLimit(3);
        for (int i = 0; i < 1000; i++) {
            String key = "user" + i;
            assertTrue(limit.tryAcquire(key));
            limit.release(key);
        }
        assertEquals(0, limit.keys());
    }

    @Test
    void aReleaseWithoutAcquireIsABug() {
        assertThrows(IllegalStateException.class, () -> new ConcurrencyLimit(1).release("nobody"));
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimit(0));
    }

    /** Many threads taking and giving back places of one key: never more than max at once, and nothing left over. */
    @Test
    void theBoundHoldsUnderContention() throws InterruptedException {
        int max = 3;
        ConcurrencyLimit limit = new ConcurrencyLimit(max);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostSeen = new AtomicInteger();
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    if (limit.tryAcquire("alice")) {
                        granted.incrementAndGet();
                        mostSeen.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        holding.decrementAndGet();
                        limit.release("alice");
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(mostSeen.get() <= max, "at most " + max + " at once, saw " + mostSeen.get());
        assertTrue(granted.get() > 0);
        assertEquals(0, limit.inUse("alice"));
        assertEquals(0, limit.keys());
    }
}
