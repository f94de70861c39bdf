package org.jakartamcp.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** The shared buckets' rules kept in memory (bucket4j), for the tests of the limits that use them (the server keeps them in PostgreSQL). */
final class MemoryBuckets extends BucketRepository {

    private final Map<HashedKeyMap.Key, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public OptionalLong tryTake(HashedKeyMap.Key key, int capacity, double tokensPerSecond) {
        ConsumptionProbe probe = bucket(key, capacity, tokensPerSecond).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    @Override
    public void giveBack(HashedKeyMap.Key key, int capacity, double tokensPerSecond) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket bucket(HashedKeyMap.Key key, int capacity, double tokensPerSecond) {
        return buckets.computeIfAbsent(key, ignored -> Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                .refillGreedy(capacity, Duration.ofSeconds(Math.round(capacity / tokensPerSecond))).build()).build());
    }
}
