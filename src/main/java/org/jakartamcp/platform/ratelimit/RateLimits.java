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

/**
 * Token-bucket rate limits (bucket4j), in memory, per kind of action and per key (a client address,
 * an account). Keys are kept hashed, and the buckets of the least recently seen keys are dropped
 * beyond a bound in entries and bytes, so that what clients send cannot exhaust memory.
 */
@ApplicationScoped
public class RateLimits {

    /** What is limited, each with the number of attempts allowed per period. */
    public enum Kind {
        SIGN_IN_PER_ADDRESS, TOKEN_PER_ADDRESS, REGISTRATION_PER_ADDRESS, AUTHORIZATION_PER_ADDRESS,
        /** Requests to the MCP endpoints (/mcp, /sse, /sse/message) per user. */
        MCP_REQUESTS_PER_USER
    }

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

    @Inject
    @ConfigProperty(name = "mcp.rate-limit.requests-per-user", defaultValue = "600")
    int mcpRequestsPerUser;

    @Inject
    @ConfigProperty(name = "rate-limit.max-entries", defaultValue = "100000")
    long maxEntries;

    @Inject
    @ConfigProperty(name = "rate-limit.max-bytes", defaultValue = "33554432")
    long maxBytes;

    private HashedKeyMap<Bucket> buckets;
    /**
     * The MCP endpoints' buckets, by user: asked on every MCP request, so kept by the name itself (a signed-in
     * account's, at most 255 characters) rather than by a hash of it, as the keys clients type are.
     */
    private Cache<String, Bucket> userBuckets;

    /** How many keys an in-memory limit whose values take {@code valueBytes} may keep, by rate-limit.max-entries and -bytes. */
    int capacity(int valueBytes) {
        return HashedKeyMap.capacity(maxEntries, maxBytes, valueBytes);
    }

    @PostConstruct
    void createMap() {
        buckets = new HashedKeyMap<>(capacity(BUCKET_BYTES));
        userBuckets = Caffeine.newBuilder().maximumSize(capacity(BUCKET_BYTES + USER_NAME_BYTES)).executor(Runnable::run).build();
    }

    /**
     * Takes one attempt from the key's bucket.
     *
     * @return empty when allowed; otherwise the seconds until the next attempt is
     */
    public OptionalLong tryAcquire(Kind kind, String key) {
        Bucket bucket = kind == Kind.MCP_REQUESTS_PER_USER ? userBuckets.get(key, ignored -> newBucket(kind))
                : buckets.computeIfAbsent(HashedKeyMap.key(kind.name(), key), () -> newBucket(kind));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /** Gives back an attempt taken by {@link #tryAcquire} (it turned out not to count); a bucket is never fuller than its capacity. */
    public void refund(Kind kind, String key) {
        Bucket bucket = kind == Kind.MCP_REQUESTS_PER_USER ? userBuckets.getIfPresent(key) : buckets.get(HashedKeyMap.key(kind.name(), key));
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket newBucket(Kind kind) {
        int attempts = switch (kind) {
            case SIGN_IN_PER_ADDRESS -> signInPerAddress;
            case TOKEN_PER_ADDRESS -> tokenPerAddress;
            case REGISTRATION_PER_ADDRESS -> registrationPerAddress;
            case AUTHORIZATION_PER_ADDRESS -> authorizationPerAddress;
            case MCP_REQUESTS_PER_USER -> mcpRequestsPerUser;
        };
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, Duration.ofMinutes(1)).build()).build();
    }
}
