package org.jakartamcp.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token-bucket rate limits (bucket4j), in memory, per kind of action and per key (an account, a
 * client address). The buckets of the least recently seen keys are dropped beyond a bound, so that
 * many addresses cannot exhaust memory.
 */
@ApplicationScoped
public class RateLimits {

    /** What is limited, each with the number of attempts allowed per period. */
    public enum Kind {
        SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, TOKEN_PER_ADDRESS, REGISTRATION_PER_ADDRESS, AUTHORIZATION_PER_ADDRESS
    }

    private static final int MAX_KEYS = 20_000;

    @Inject
    @ConfigProperty(name = "oauth.rate-limit.sign-in-per-account", defaultValue = "10")
    int signInPerAccount;

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

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /**
     * Takes one attempt from the key's bucket.
     *
     * @return empty when allowed; otherwise the seconds until the next attempt is
     */
    public OptionalLong tryAcquire(Kind kind, String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(kind + ":" + key, ignored -> newBucket(kind));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    private Bucket newBucket(Kind kind) {
        int attempts = switch (kind) {
            case SIGN_IN_PER_ACCOUNT -> signInPerAccount;
            case SIGN_IN_PER_ADDRESS -> signInPerAddress;
            case TOKEN_PER_ADDRESS -> tokenPerAddress;
            case REGISTRATION_PER_ADDRESS -> registrationPerAddress;
            case AUTHORIZATION_PER_ADDRESS -> authorizationPerAddress;
        };
        Duration period = kind == Kind.SIGN_IN_PER_ACCOUNT ? Duration.ofMinutes(5) : Duration.ofMinutes(1);
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, period).build()).build();
    }
}
