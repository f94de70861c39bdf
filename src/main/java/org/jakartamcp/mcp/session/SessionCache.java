package org.jakartamcp.mcp.session;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions one instance holds in memory, and the rules of their lifetime: a session is in use
 * while a stream of it is open, and expires when it was last used longer ago than the idle timeout.
 * The cache holds at most a fixed number of sessions; beyond it, the least recently used ones that
 * have no open stream are unloaded (they are read again from the database when used). Plain Java,
 * with the time passed in, so that the rules can be tested without waiting.
 */
final class SessionCache {

    /** A cached session and what this instance knows about its use. */
    static final class Entry {
        final String hash;
        final McpSession session;
        volatile OffsetDateTime lastUsed;
        volatile OffsetDateTime lastTouched;
        volatile OffsetDateTime storedLastSeen;
        /** Set when the session is being ended here: from then on it is not found, though its row may still exist. */
        volatile boolean ending;
        /** The instance holding the stream of an HTTP+SSE session (which opens with it); null for Streamable HTTP. */
        volatile String streamInstance;
        final AtomicInteger openStreams = new AtomicInteger();

        Entry(String hash, McpSession session, OffsetDateTime storedLastSeen, OffsetDateTime now) {
            this.hash = hash;
            this.session = session;
            this.storedLastSeen = storedLastSeen;
            this.lastUsed = now;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The same entries by session id, so that a request finds its session without hashing the id it sent. */
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Duration idleTimeout;

    SessionCache(int maxEntries, Duration idleTimeout) {
        this.maxEntries = maxEntries;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Whether a session last used locally at {@code lastUsed} (null: not here) and stored with
     * {@code storedLastSeen} has expired at {@code now}. The stored time lags the last use by up to
     * {@link SessionSettings#TOUCH_INTERVAL}, so it counts as that much later.
     */
    static boolean isExpired(OffsetDateTime lastUsed, OffsetDateTime storedLastSeen, Duration idleTimeout, OffsetDateTime now) {
        OffsetDateTime latest = storedLastSeen == null ? lastUsed : storedLastSeen.plus(SessionSettings.TOUCH_INTERVAL);
        if (lastUsed != null && lastUsed.isAfter(latest)) {
            latest = lastUsed;
        }
        return latest.plus(idleTimeout).isBefore(now);
    }

    boolean isExpired(Entry entry, OffsetDateTime now) {
        return entry.openStreams.get() == 0 && isExpired(entry.lastUsed, entry.storedLastSeen, idleTimeout, now);
    }

    Entry get(String hash) {
        return entries.get(hash);
    }

    Entry byId(String id) {
        return byId.get(id);
    }

    /** Caches a session unless another thread cached it first; returns the cached entry. */
    Entry put(String hash, McpSession session, OffsetDateTime storedLastSeen, OffsetDateTime now) {
        Entry entry = new Entry(hash, session, storedLastSeen, now);
        Entry raced = entries.putIfAbsent(hash, entry);
        if (raced != null) {
            return raced;
        }
        byId.put(session.id(), entry);
        return entry;
    }

    Entry remove(String hash) {
        Entry removed = entries.remove(hash);
        if (removed != null) {
            byId.remove(removed.session.id(), removed);
        }
        return removed;
    }

    int size() {
        return entries.size();
    }

    List<String> hashes() {
        return List.copyOf(entries.keySet());
    }

    List<Entry> expired(OffsetDateTime now) {
        return entries.values().stream().filter(entry -> isExpired(entry, now)).toList();
    }

    /** Sessions with an open stream whose stored {@code last_seen_at} is due to be brought forward. */
    List<Entry> dueForTouch(OffsetDateTime now) {
        return entries.values().stream().filter(entry -> entry.openStreams.get() > 0 && isTouchDue(entry, now)).toList();
    }

    static boolean isTouchDue(Entry entry, OffsetDateTime now) {
        OffsetDateTime touched = entry.lastTouched;
        return touched == null || touched.plus(SessionSettings.TOUCH_INTERVAL).isBefore(now);
    }

    /**
     * When the cache holds more than its maximum, removes the least recently used sessions without an
     * open stream: a tenth of the maximum more than needed, so that the scan runs once per that many
     * new sessions. Returns what it removed.
     */
    List<Entry> removeOverflow() {
        int excess = entries.size() - maxEntries;
        if (excess <= 0) {
            return List.of();
        }
        List<Entry> removed = entries.values().stream()
                .filter(entry -> entry.openStreams.get() == 0)
                .sorted(Comparator.comparing(entry -> entry.lastUsed))
                .limit(excess + maxEntries / 10)
                .filter(entry -> entries.remove(entry.hash, entry))
                .peek(entry -> byId.remove(entry.session.id(), entry))
                .toList();
        return removed;
    }
}
