package org.jakartamcp.platform.ratelimit;

import java.time.Duration;

/**
 * How failed attempts slow down the next ones: {@code free} failures cost nothing; after them each
 * attempt waits {@code firstDelay} after the last failure, twice as long after each further failure,
 * at most {@code maxDelay}. Failures are forgotten after {@code memory} without one.
 */
record FailurePolicy(int free, Duration firstDelay, Duration maxDelay, Duration memory) {

    FailurePolicy {
        if (free < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || memory.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("free >= 1, 0 <= first delay <= max delay <= memory: " + free + ", " + firstDelay
                    + ", " + maxDelay + ", " + memory);
        }
    }

    /** The wait after the last of {@code failures} failures before another attempt. */
    Duration delayAfter(int failures) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 40);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.isNegative() || delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
