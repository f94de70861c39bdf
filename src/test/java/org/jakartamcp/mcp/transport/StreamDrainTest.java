package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stopping instance waits for its calls in flight, but never longer than the drain time. */
class StreamDrainTest {

    @Test
    void returnsAsSoonAsNoCallIsInFlight() {
        AtomicInteger inFlight = new AtomicInteger(3);
        long start = System.nanoTime();
        int left = StreamDrain.awaitNone(inFlight::decrementAndGet, Duration.ofSeconds(30));
        assertEquals(0, left);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "it did not wait for the deadline");
    }

    @Test
    void givesUpAtTheDeadlineAndSaysHowManyAreLeft() {
        long start = System.nanoTime();
        assertEquals(2, StreamDrain.awaitNone(() -> 2, Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos());
        assertEquals(0, StreamDrain.awaitNone(() -> 0, Duration.ZERO), "nothing in flight: no wait at all");
    }
}
