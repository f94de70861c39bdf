package org.jakartamcp.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.jakartamcp.platform.security.SecretHash;

/**
 * Per-key state of the rate limits, in memory. The keys come from clients (names typed into the
 * sign-in form, addresses), so they are kept only as a 128-bit SHA-256 prefix: every entry has the
 * same size whatever was sent, and the map is bounded in entries, hence in bytes. It is read on every
 * MCP request, so it is a Caffeine cache: reads take no lock, and past the bound it drops the entries
 * least likely to be used again (recency and frequency: a flood of new keys does not push out the
 * buckets in steady use). Its housekeeping runs on the calling thread, never on a pool of its own.
 */
final class HashedKeyMap<V> {

    /** A key as kept: the first 128 bits of the SHA-256 of scope and text (collisions are not a concern at this size). */
    record Key(long high, long low) {

        /** The key as the shared limits' tables keep it (16 bytes). */
        byte[] bytes() {
            return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
        }
    }

    /**
     * Bytes one entry takes besides its value: the cache's node, its table slot, its share of the frequency
     * sketch and the key; 138 measured (heap after full GC, 400,000 entries, Java 17, compressed pointers), rounded up.
     */
    static final int KEY_BYTES = 144;

    private final Cache<Key, V> entries;

    HashedKeyMap(int maxEntries) {
        this.entries = Caffeine.newBuilder().maximumSize(Math.max(1, maxEntries)).executor(Runnable::run).build();
    }

    /** The entries a bound in bytes allows, for values of {@code valueBytes}, capped by a bound in entries. */
    static int capacity(long maxEntries, long maxBytes, int valueBytes) {
        return (int) Math.max(1, Math.min(Math.min(maxEntries, Integer.MAX_VALUE), maxBytes / (KEY_BYTES + valueBytes)));
    }

    static Key key(String scope, String text) {
        ByteBuffer hash = ByteBuffer.wrap(SecretHash.sha256(scope + '\u0000' + text));
        return new Key(hash.getLong(), hash.getLong());
    }

    V computeIfAbsent(Key key, Supplier<V> create) {
        return entries.get(key, ignored -> create.get());
    }

    /** The key's value, or null; counts as a use. */
    V get(Key key) {
        return entries.getIfPresent(key);
    }

    /** How many entries are kept now, evictions that are due done first. */
    int size() {
        entries.cleanUp();
        return (int) entries.estimatedSize();
    }
}
