package org.jakartamcp.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jakartamcp.platform.cluster.ClusterInstances;
import org.jakartamcp.platform.ratelimit.RateLimits.Kind;
import org.junit.jupiter.api.Test;

/** Each kind of limit counts per key, apart from the other kinds and keys. */
class RateLimitsTest {

    /** The instances the heartbeats find alive, as a test sets them. */
    static final class LiveInstances extends ClusterInstances {
        int alive = 1;

        @Override
        public int liveCount() {
            return alive;
        }
    }

    private static RateLimits limits() {
        return limits(new LiveInstances());
    }

    private static RateLimits limits(LiveInstances instances) {
        RateLimits limits = new RateLimits();
        limits.counters = org.jakartamcp.testing.PlainBeans.uncounted();
        limits.signInPerAddress = 2;
        limits.tokenPerAddress = 2;
        limits.registrationPerAddress = 2;
        limits.authorizationPerAddress = 2;
        limits.mcpRequestsPerUser = 3;
        limits.maxEntries = 1000;
        limits.maxBytes = 1 << 20;
        limits.sharedBuckets = new MemoryBuckets();
        limits.share = new InstanceShare();
        limits.share.cluster = instances;
        limits.createMap();
        return limits;
    }

    @Test
    void aUsersMcpRequestsAreCountedForThatUserOnly() {
        RateLimits limits = limits();
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.tryAcquire(Kind.MCP_REQUESTS_PER_USER, "alice").isEmpty());
        }
        assertTrue(limits.tryAcquire(Kind.MCP_REQUESTS_PER_USER, "alice").getAsLong() >= 1, "the fourth waits for a refill");
        assertTrue(limits.tryAcquire(Kind.MCP_REQUESTS_PER_USER, "bob").isEmpty(), "another user has a bucket of their own");
        assertTrue(limits.tryAcquire(Kind.SIGN_IN_PER_ADDRESS, "alice").isEmpty(), "another kind with the same key too");

        limits.refund(Kind.MCP_REQUESTS_PER_USER, "alice");
        assertTrue(limits.tryAcquire(Kind.MCP_REQUESTS_PER_USER, "alice").isEmpty(), "a refunded request can be made again");
        assertTrue(limits.tryAcquire(Kind.MCP_REQUESTS_PER_USER, "alice").isPresent());
    }

    @Test
    void eachInstanceAllowsItsShareOfTheMcpLimitSoThatTheInstancesTogetherAllowTheLimit() {
        LiveInstances instances = new LiveInstances();
        RateLimits limits = limits(instances);
        limits.mcpRequestsPerUser = 6;
        instances.alive = 2;
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.tryAcquire(Kind.MCP_REQUESTS_PER_USER, "alice").isEmpty());
        }
        assertTrue(limits.tryAcquire(Kind.MCP_REQUESTS_PER_USER, "alice").isPresent(), "half of 6 on each of 2 instances");

        instances.alive = 1;
        for (int i = 0; i < 6; i++) {
            assertTrue(limits.tryAcquire(Kind.MCP_REQUESTS_PER_USER, "alice").isEmpty(), "alone again, the whole limit: " + i);
        }
        assertTrue(limits.tryAcquire(Kind.MCP_REQUESTS_PER_USER, "alice").isPresent());
    }

    @Test
    void aShareIsRoundedUpAndNeverZero() {
        assertEquals(300, InstanceShare.of(600, 2));
        assertEquals(3, InstanceShare.of(5, 2));
        assertEquals(1, InstanceShare.of(1, 5));
        assertEquals(600, InstanceShare.of(600, 0), "no count yet: this instance alone");
    }

    @Test
    void aFixedNumberOfInstancesIsTakenWhateverRuns() {
        LiveInstances instances = new LiveInstances();
        RateLimits limits = limits(instances);
        limits.mcpRequestsPerUser = 6;
        limits.share.fixedInstances = 3;
        instances.alive = 1;
        assertEquals(3, limits.share.instances());
        assertEquals(2, limits.share.of(6), "a third of 6, though this instance runs alone");
        limits.share.fixedInstances = 1;
        instances.alive = 2;
        assertEquals(6, limits.share.of(6), "1: each instance allows the whole limit");
    }
}
