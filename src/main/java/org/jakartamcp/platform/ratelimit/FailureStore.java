package org.jakartamcp.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Where the sign-in failure counts are kept: in PostgreSQL for the server ({@link SignInFailureRepository}), so every instance counts together. */
interface FailureStore {

    /** The key's last success, or null. */
    Instant lastSuccess(HashedKeyMap.Key key);

    /**
     * Runs one attempt's rules on the counts of these keys (empty ones for keys never seen), as one change: no other
     * attempt changes them meanwhile, on any instance, and what {@code action} changed is kept until the count is
     * forgotten ({@link FailureCount#forgottenAt}, by {@code memory} and {@code knownFor}).
     */
    <T> T change(List<HashedKeyMap.Key> keys, Duration memory, Duration knownFor, Function<List<FailureCount>, T> action);
}
