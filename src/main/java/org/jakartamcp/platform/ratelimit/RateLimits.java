package org.jakartamcp.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.telemetry.EventCounters;

/**
 * Token-bucket rate limits per kind of action and per key (a client address, an account), counted by every instance
 * together. The OAuth endpoints' limits are buckets in PostgreSQL ({@link BucketRepository}), exact across instances:
 * those requests are few and reach the database anyway. The MCP endpoints' limit per user is checked on every request,
 * so it stays in memory (bucket4j), each instance allowing its {@link InstanceShare} of it.
 */
@ApplicationScoped
public class RateLimits {

    /** What is limited, each with the number of attempts allowed per period. */
    public enum Kind {
        SIGN_IN_PER_ADDRESS, TOKEN_PER_ADDRESS, REGISTRATION_PER_ADDRESS, AUTHORIZATION_PER_ADDRESS,
        /** Requests to the MCP endpoints (/mcp, /sse, /sse/message) per user. */
        MCP_REQUESTS_PER_USER
    }

    /** Every limit is so many attempts per minute. */
    static final Duration PERIOD = Duration.ofMinutes(1);
    /** A bucket with one bandwidth: 311 measured like {@link HashedKeyMap#KEY_BYTES}, rounded up. */
    static final int BUCKET_BYTES = 320;
    /** An account name as a key: a String of up to 255 characters, at two bytes each, with its object and array. */
    static final int USER_NAME_BYTES = 2 * 255 + 56;

    /** Failed password sign-ins (successes are given back, see SignInLimits). */
    @Inject
    @ConfigProperty(name = "oauth.rate-limit.sign-in-per-address", defaultValue = "30")
    int signInPerAddress;

    @Inject
    @ConfigProperty(name = "oauth.rate-limit.token-per-address", defaultValue = "120")
    int tokenPerAddress;

    @Inject
    @ConfigProperty(name = "oauth.rate-limit.registration-per-address", defaultValue = "20")
    int registrationPerAddress;

    /** Authorization requests, each of which may make the server fetch a client metadata document. */
    @Inject
    @ConfigProperty(name = "oauth.rate-limit.authorization-per-address", defaultValue = "60")
    int authorizationPerAddress;

    /** For all instances together; each allows its share. */
    @Inject
    @ConfigProperty(name = "mcp.rate-limit.requests-per-user", defaultValue = "600")
    int mcpRequestsPerUser;

    @Inject
    @ConfigProperty(name = "rate-limit.max-entries", defaultValue = "100000")
    long maxEntries;

    @Inject
    @ConfigProperty(name = "rate-limit.max-bytes", defaultValue = "33554432")
    long maxBytes;

    @Inject
    BucketRepository sharedBuckets;

    @Inject
    InstanceShare share;

    @Inject
    EventCounters counters;

    /**
     * The MCP endpoints' buckets, by user: asked on every MCP request, so kept by the name itself (a signed-in
     * account's, at most 255 characters) rather than by a hash of it, as the keys clients type are.
     */
    private Cache<String, Bucket> userBuckets;
    /** The instance count the buckets in {@link #userBuckets} were sized for. */
    private volatile int bucketsSizedFor;

    /** How many keys an in-memory limit whose values take {@code valueBytes} may keep, by rate-limit.max-entries and -bytes. */
    int capacity(int valueBytes) {
        return HashedKeyMap.capacity(maxEntries, maxBytes, valueBytes);
    }

    @PostConstruct
    void createMap() {
        userBuckets = Caffeine.newBuilder().maximumSize(capacity(BUCKET_BYTES + USER_NAME_BYTES)).executor(Runnable::run).build();
        bucketsSizedFor = share.instances();
    }

    /**
     * Takes one attempt from the key's bucket.
     *
     * @return empty when allowed; otherwise the seconds until the next attempt is
     */
    public OptionalLong tryAcquire(Kind kind, String key) {
        OptionalLong wait = take(kind, key);
        if (wait.isPresent()) {
            counters.rateLimited(kind);
        }
        return wait;
    }

    private OptionalLong take(Kind kind, String key) {
        if (kind != Kind.MCP_REQUESTS_PER_USER) {
            int attempts = attempts(kind);
            return sharedBuckets.tryTake(sharedKey(kind, attempts, key), attempts, perSecond(attempts));
        }
        resizeIfInstancesChanged();
        ConsumptionProbe probe = userBuckets.get(key, ignored -> newUserBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /** Gives back an attempt taken by {@link #tryAcquire} (it turned out not to count); a bucket is never fuller than its capacity. */
    public void refund(Kind kind, String key) {
        if (kind != Kind.MCP_REQUESTS_PER_USER) {
            int attempts = attempts(kind);
            sharedBuckets.giveBack(sharedKey(kind, attempts, key), attempts, perSecond(attempts));
            return;
        }
        Bucket bucket = userBuckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /**
     * Another number of instances shares the limit: the buckets start again, full, at the new share (a user may get
     * up to one share more than the limit in the minute of the change, never a share less).
     */
    private void resizeIfInstancesChanged() {
        int instances = share.instances();
        if (instances != bucketsSizedFor) {
            bucketsSizedFor = instances;
            userBuckets.invalidateAll();
        }
    }

    private Bucket newUserBucket() {
        int attempts = share.of(mcpRequestsPerUser);
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, PERIOD).build()).build();
    }

    private int attempts(Kind kind) {
        int attempts = switch (kind) {
            case SIGN_IN_PER_ADDRESS -> signInPerAddress;
            case TOKEN_PER_ADDRESS -> tokenPerAddress;
            case REGISTRATION_PER_ADDRESS -> registrationPerAddress;
            case AUTHORIZATION_PER_ADDRESS -> authorizationPerAddress;
            case MCP_REQUESTS_PER_USER -> mcpRequestsPerUser;
        };
        return Math.max(1, attempts);
    }

    private static double perSecond(int attempts) {
        return attempts / (double) PERIOD.toSeconds();
    }

    /**
     * A bucket is per kind, key and limit: instances configured alike (as a cluster's are) share it, and a deployment
     * given another limit on the same database counts apart rather than on a bucket sized for another limit.
     */
    private static HashedKeyMap.Key sharedKey(Kind kind, int attempts, String key) {
        return HashedKeyMap.key(kind.name() + '/' + attempts, key);
    }
}
