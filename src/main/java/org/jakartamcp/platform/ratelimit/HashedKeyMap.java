package org.jakartamcp.platform.ratelimit;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jakartamcp.platform.security.SecretHash;

/**
 * Per-key state of the rate limits, in memory. The keys come from clients (names typed into the
 * sign-in form, addresses), so they are kept only as a 128-bit SHA-256 prefix: every entry has the
 * same size whatever was sent, and the map is bounded in entries, hence in bytes; past the bound the
 * least recently used entry goes. Segments with a lock each keep threads apart.
 */
final class HashedKeyMap<V> {

    /** A key as kept: the first 128 bits of the SHA-256 of scope and text (collisions are not a concern at this size). */
    record Key(long high, long low) {
    }

    /**
     * Bytes one entry takes besides its value: the map's node, its table slot and the key; 84 measured
     * (heap after full GC, 400,000 entries, Java 17, compressed pointers), rounded up.
     */
    static final int KEY_BYTES = 88;

    private static final int SEGMENTS = 16;

    private final int maxEntries;
    private final Segment<V>[] segments;

    @SuppressWarnings("unchecked")
    HashedKeyMap(int maxEntries) {
        this.maxEntries = Math.max(SEGMENTS, maxEntries);
        this.segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment<>(this.maxEntries / SEGMENTS);
        }
    }

    /** The entries a bound in bytes allows, for values of {@code valueBytes}, capped by a bound in entries. */
    static int capacity(long maxEntries, long maxBytes, int valueBytes) {
        return (int) Math.max(SEGMENTS, Math.min(Math.min(maxEntries, Integer.MAX_VALUE), maxBytes / (KEY_BYTES + valueBytes)));
    }

    static Key key(String scope, String text) {
        ByteBuffer hash = ByteBuffer.wrap(SecretHash.sha256(scope + '\u0000' + text));
        return new Key(hash.getLong(), hash.getLong());
    }

    V computeIfAbsent(Key key, Supplier<V> create) {
        Segment<V> segment = segment(key);
        synchronized (segment) {
            return segment.computeIfAbsent(key, ignored -> create.get());
        }
    }

    /** The key's value, or null; counts as a use. */
    V get(Key key) {
        Segment<V> segment = segment(key);
        synchronized (segment) {
            return segment.get(key);
        }
    }

    int size() {
        int size = 0;
        for (Segment<V> segment : segments) {
            synchronized (segment) {
                size += segment.size();
            }
        }
        return size;
    }

    int maxEntries() {
        return maxEntries / SEGMENTS * SEGMENTS;
    }

    private Segment<V> segment(Key key) {
        return segments[(int) (key.low() & (SEGMENTS - 1))];
    }

    private static final class Segment<V> extends LinkedHashMap<Key, V> {
        private static final long serialVersionUID = 1L;
        private final int bound;

        Segment(int bound) {
            super(16, 0.75f, true);
            this.bound = bound;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
            return size() > bound;
        }
    }
}
