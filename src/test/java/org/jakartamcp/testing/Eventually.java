package org.jakartamcp.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by polling it, and fails with the last value seen when it never holds. */
public final class Eventually {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private Eventually() {
    }

    public static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastFailure = null;
        while (true) {
            try {
                last = probe.get();
                lastFailure = null;
                if (condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("Timed out after " + timeout + " waiting for " + what
                        + "; last seen: " + (lastFailure != null ? lastFailure : Objects.toString(last)));
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }
}
