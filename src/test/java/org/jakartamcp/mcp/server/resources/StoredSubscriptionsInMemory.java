package org.jakartamcp.mcp.server.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stored subscriptions' rules on a map, for the handlers run as plain objects (the server keeps them in PostgreSQL). */
final class StoredSubscriptionsInMemory extends SubscriptionRepository {

    private record Row(String uri, String principal) {
    }

    private final Map<String, Set<Row>> bySession = new LinkedHashMap<>();

    @Override
    synchronized void subscribe(String sessionHash, String principal, String uri, int max) {
        Set<Row> rows = bySession.computeIfAbsent(sessionHash, ignored -> new LinkedHashSet<>());
        if (rows.stream().anyMatch(row -> row.uri().equals(uri))) {
            return;
        }
        if (rows.size() >= max) {
            throw SubscriptionTable.tooMany(max);
        }
        rows.add(new Row(uri, principal));
    }

    @Override
    synchronized void unsubscribe(String sessionHash, String uri) {
        Set<Row> rows = bySession.get(sessionHash);
        if (rows != null) {
            rows.removeIf(row -> row.uri().equals(uri));
        }
    }

    @Override
    synchronized List<String> followers(String uri, String principal) {
        List<String> hashes = new ArrayList<>();
        bySession.forEach((hash, rows) -> {
            if (rows.stream().anyMatch(row -> row.uri().equals(uri) && (principal == null || row.principal().equals(principal)))) {
                hashes.add(hash);
            }
        });
        return hashes;
    }
}
