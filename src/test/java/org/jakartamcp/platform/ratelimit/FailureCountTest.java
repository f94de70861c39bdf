package org.jakartamcp.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureCountTest {

    private static final FailurePolicy THREE_FREE = new FailurePolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60),
            Duration.ofMinutes(4));
    private static final Instant EARLIER = Instant.parse("2026-11-29T12:00:00Z");
    private static final Instant LATER = EARLIER.plusMillis(5);

    /** Parallel sign-ins read the clock before taking the count's lock: the one that read it first may come second. */
    @Test
    void anAttemptThatReadTheClockBeforeAParallelFailureDoesNotWaitWhileFreeFailuresRemain() {
        FailureCount count = new FailureCount();
        assertTrue(count.tryCharge(THREE_FREE, LATER));

        assertEquals(Duration.ZERO, count.wait(THREE_FREE, EARLIER));
        assertTrue(count.tryCharge(THREE_FREE, EARLIER));
    }

    @Test
    void pastTheFreeFailuresTheWaitRunsFromTheLatestFailureWhicheverAttemptReadTheClockFirst() {
        FailureCount count = new FailureCount();
        assertTrue(count.tryCharge(THREE_FREE, EARLIER));
        assertTrue(count.tryCharge(THREE_FREE, LATER));
        assertTrue(count.tryCharge(THREE_FREE, EARLIER), "the third failure is still free; it counts at the later instant");

        assertEquals(Duration.ofSeconds(2), count.wait(THREE_FREE, EARLIER));
        assertEquals(Duration.ofSeconds(2), count.wait(THREE_FREE, LATER));
        assertEquals(Duration.ZERO, count.wait(THREE_FREE, LATER.plusSeconds(2)));
    }
}
