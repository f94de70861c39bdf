package org.jakartamcp.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-address limit of failed sign-ins, as the sign-in page uses it (plain objects, the real buckets). */
class SignInLimitsTest {

    private static SignInLimits limits(int failuresPerAddressAndMinute) {
        RateLimits rateLimits = new RateLimits();
        rateLimits.counters = org.jakartamcp.testing.PlainBeans.uncounted();
        rateLimits.signInPerAddress = failuresPerAddressAndMinute;
        rateLimits.maxEntries = 1000;
        rateLimits.maxBytes = 1 << 20;
        rateLimits.sharedBuckets = new MemoryBuckets();
        rateLimits.share = new InstanceShare();
        // alone: an instance that never beat knows only itself
        rateLimits.share.cluster = new org.jakartamcp.platform.cluster.ClusterInstances();
        rateLimits.createMap();
        SignInLimits limits = new SignInLimits();
        limits.rateLimits = rateLimits;
        limits.failures = new MemoryFailureStore();
        limits.failuresPerPair = 1000;
        limits.failuresPerAccount = 1000;
        limits.firstDelaySeconds = 2;
        limits.maxDelaySeconds = 900;
        limits.knownAddressDays = 30;
        limits.createThrottle();
        return limits;
    }

    /** A failure: the attempt is allowed, and not reported as a success. */
    private static boolean fail(SignInLimits limits, String account, String address) {
        return limits.tryAttempt(account, address).isEmpty();
    }

    @Test
    void signInsToOnesOwnAccountDoNotPayForGuessesAtOthers() {
        SignInLimits limits = limits(3);
        String address = "203.0.113.7";
        assertTrue(limits.tryAttempt("mallory", address).isEmpty());
        limits.succeeded("mallory", address); // from now on the address is known for mallory
        int guesses = 0;
        for (int round = 0; round < 10; round++) {
            if (fail(limits, "victim-" + round, address)) {
                guesses++;
            }
            assertTrue(limits.tryAttempt("mallory", address).isEmpty(), "mallory signs in at a known address");
            limits.succeeded("mallory", address);
        }
        assertTrue(guesses <= 3, guesses + " guesses at other accounts in a minute, with a limit of 3");
    }
}
