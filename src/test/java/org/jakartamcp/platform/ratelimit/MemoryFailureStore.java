package org.jakartamcp.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The sign-in rules' counts kept in memory, for the tests of the rules (the server keeps them in PostgreSQL). */
final class MemoryFailureStore implements FailureStore {

    private final HashedKeyMap<FailureCount> counts = new HashedKeyMap<>(100_000);

    @Override
    public Instant lastSuccess(HashedKeyMap.Key key) {
        FailureCount count = counts.get(key);
        return count == null ? null : count.lastSuccess();
    }

    @Override
    public synchronized <T> T change(List<HashedKeyMap.Key> keys, Duration memory, Duration knownFor,
            Function<List<FailureCount>, T> action) {
        return action.apply(keys.stream().map(key -> counts.computeIfAbsent(key, FailureCount::new)).toList());
    }
}
