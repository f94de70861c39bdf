package org.jakartamcp.platform.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} things at once per key (tool calls or open streams of one user), in memory
 * and without a lock: one compare-and-set per acquire and per release. A key's counter is dropped
 * when it reaches zero, so the map holds only keys that have something running.
 */
public final class ConcurrencyLimit {

    /** The value of a counter that was dropped from the map; whoever still holds it takes a fresh one. */
    private static final int DROPPED = -1;

    private final int max;
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    public ConcurrencyLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, not " + max);
        }
        this.max = max;
    }

    public int max() {
        return max;
    }

    /** Takes one of the key's places; false when all {@link #max()} are taken. Each true needs one {@link #release}. */
    public boolean tryAcquire(String key) {
        while (true) {
            AtomicInteger counter = counters.computeIfAbsent(key, ignored -> new AtomicInteger());
            int taken = counter.get();
            if (taken == DROPPED) {
                counters.remove(key, counter);
                continue;
            }
            if (taken >= max) {
                return false;
            }
            if (counter.compareAndSet(taken, taken + 1)) {
                return true;
            }
        }
    }

    public void release(String key) {
        AtomicInteger counter = counters.get(key);
        if (counter == null) {
            throw new IllegalStateException("release without acquire for " + key);
        }
        if (counter.decrementAndGet() == 0 && counter.compareAndSet(0, DROPPED)) {
            counters.remove(key, counter);
        }
    }

    /** How many of the key's places are taken. */
    public int inUse(String key) {
        AtomicInteger counter = counters.get(key);
        return counter == null ? 0 : Math.max(0, counter.get());
    }

    /** How many keys have something running (the map's size). */
    public int keys() {
        return counters.size();
    }
}
