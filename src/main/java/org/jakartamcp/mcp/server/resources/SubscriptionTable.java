package org.jakartamcp.mcp.server.resources;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.session.McpSession;

/**
 * Who follows which resource URI, bounded: at most {@code maxPerSession} URIs per session, and a
 * URI stays a key only while some session follows it. Reading the followers of a URI (on every
 * change of a resource) takes no lock; subscribing locks the one session's own set.
 */
final class SubscriptionTable {

    private final int maxPerSession;
    private final Map<String, Set<McpSession>> byUri = new ConcurrentHashMap<>();
    private final Map<McpSession, Set<String>> bySession = new ConcurrentHashMap<>();

    SubscriptionTable(int maxPerSession) {
        this.maxPerSession = maxPerSession;
    }

    /** Follows the URI; a JSON-RPC invalid-params error when the session already follows its maximum. */
    void subscribe(McpSession session, String uri) {
        Set<String> mine = bySession.computeIfAbsent(session, ignored -> ConcurrentHashMap.newKeySet());
        synchronized (mine) {
            if (bySession.get(session) != mine) {
                return; // forgotten meanwhile: the session ended while this request ran
            }
            if (!mine.contains(uri) && mine.size() >= maxPerSession) {
                throw tooMany(maxPerSession);
            }
            mine.add(uri);
            byUri.computeIfAbsent(uri, ignored -> ConcurrentHashMap.newKeySet()).add(session);
        }
    }

    void unsubscribe(McpSession session, String uri) {
        Set<String> mine = bySession.get(session);
        if (mine == null) {
            return;
        }
        synchronized (mine) {
            mine.remove(uri);
            drop(session, uri);
        }
    }

    /** The session ended: it follows nothing any more. */
    void forget(McpSession session) {
        Set<String> mine = bySession.remove(session);
        if (mine == null) {
            return;
        }
        synchronized (mine) {
            mine.forEach(uri -> drop(session, uri));
            mine.clear();
        }
    }

    /** The error of a subscription past the per-session maximum. */
    static JsonRpcError tooMany(int maxPerSession) {
        return JsonRpcError.invalidParams("Invalid params: a session may follow at most " + maxPerSession
                + " resources; unsubscribe from one first");
    }

    Set<McpSession> followers(String uri) {
        return byUri.getOrDefault(uri, Set.of());
    }

    /** The URIs some session follows now. */
    Set<String> followedUris() {
        return byUri.keySet();
    }

    int uris() {
        return byUri.size();
    }

    int sessions() {
        return bySession.size();
    }

    private void drop(McpSession session, String uri) {
        byUri.computeIfPresent(uri, (key, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
