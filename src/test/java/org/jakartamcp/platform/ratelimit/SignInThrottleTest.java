package org.jakartamcp.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.jakartamcp.testing.MovableClock;
import org.junit.jupiter.api.Test;

/** The failure-counting rules of password sign-in, on a clock the test moves. */
class SignInThrottleTest {

    private static final Duration FIRST = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(new FailurePolicy(3, FIRST, MAX, Duration.ofMinutes(4)),
            new FailurePolicy(10, FIRST, MAX, Duration.ofMinutes(4)), Duration.ofDays(30), clock, new MemoryFailureStore());

    @Test
    void successesCostNothing() {
        for (int i = 0; i < 1000; i++) {
            assertEquals(OptionalLong.empty(), throttle.tryAttempt("alice", "192.0.2.1"));
            throttle.succeeded("alice", "192.0.2.1");
        }
    }

    @Test
    void afterTheFreeFailuresOfAPairEachFurtherOneDoublesTheWaitUpToTheCap() {
        fail(3, "alice", "192.0.2.1");
        assertEquals(OptionalLong.of(2), throttle.tryAttempt("alice", "192.0.2.1"));
        long[] expected = {2, 4, 8, 16, 32, 60, 60};
        for (long seconds : expected) {
            assertEquals(OptionalLong.of(seconds), throttle.tryAttempt("alice", "192.0.2.1"));
            clock.advance(Duration.ofSeconds(seconds - 1));
            assertEquals(OptionalLong.of(1), throttle.tryAttempt("alice", "192.0.2.1"), "not a second early");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(OptionalLong.empty(), throttle.tryAttempt("alice", "192.0.2.1"), "counted as the next failure");
        }
    }

    @Test
    void aRefusedAttemptCountsNothing() {
        fail(3, "alice", "192.0.2.1");
        for (int i = 0; i < 100; i++) {
            assertEquals(OptionalLong.of(2), throttle.tryAttempt("alice", "192.0.2.1"));
        }
        clock.advance(FIRST);
        assertEquals(OptionalLong.empty(), throttle.tryAttempt("alice", "192.0.2.1"));
    }

    @Test
    void aSuccessResetsThePair() {
        fail(3, "alice", "192.0.2.1");
        clock.advance(FIRST);
        assertEquals(OptionalLong.empty(), throttle.tryAttempt("alice", "192.0.2.1"));
        throttle.succeeded("alice", "192.0.2.1");
        fail(3, "alice", "192.0.2.1");
        assertEquals(OptionalLong.of(2), throttle.tryAttempt("alice", "192.0.2.1"), "three free failures again, not more");
    }

    @Test
    void anotherAddressIsNotHeldUpByAPairsFailures() {
        fail(3, "alice", "192.0.2.1");
        assertTrue(throttle.tryAttempt("alice", "192.0.2.1").isPresent());
        assertEquals(OptionalLong.empty(), throttle.tryAttempt("alice", "198.51.100.1"));
        throttle.succeeded("alice", "198.51.100.1");
    }

    @Test
    void guessingFromManyAddressesIsSlowedPerAccount() {
        for (int i = 0; i < 10; i++) {
            fail(1, "alice", "203.0.113." + i);
        }
        assertEquals(OptionalLong.of(2), throttle.tryAttempt("alice", "203.0.113.100"), "a new address waits as well");
        assertEquals(OptionalLong.empty(), throttle.tryAttempt("bob", "203.0.113.100"), "other accounts do not");
        clock.advance(FIRST);
        fail(1, "alice", "203.0.113.101");
        assertEquals(OptionalLong.of(4), throttle.tryAttempt("alice", "203.0.113.102"), "the account's wait doubles");
    }

    @Test
    void theUsersKnownAddressIsNotLockedOutByOthersFailures() {
        throttle.tryAttempt("alice", "192.0.2.1");
        throttle.succeeded("alice", "192.0.2.1");
        for (int i = 0; i < 40; i++) {
            clock.advance(MAX);
            fail(1, "alice", "203.0.113." + i);
        }
        assertTrue(throttle.tryAttempt("alice", "203.0.113.200").isPresent(), "the account is slowed for strangers");
        assertEquals(OptionalLong.empty(), throttle.tryAttempt("alice", "192.0.2.1"), "not where alice signed in before");
        throttle.succeeded("alice", "192.0.2.1");
        clock.advance(Duration.ofDays(31));
        for (int i = 0; i < 10; i++) {
            fail(1, "alice", "203.0.113." + i);
        }
        assertTrue(throttle.tryAttempt("alice", "192.0.2.1").isPresent(), "known for 30 days only");
    }

    @Test
    void failuresAreForgottenAfterTheMemory() {
        fail(3, "alice", "192.0.2.1");
        clock.advance(Duration.ofMinutes(4));
        fail(3, "alice", "192.0.2.1");
        assertEquals(OptionalLong.of(2), throttle.tryAttempt("alice", "192.0.2.1"));
    }

    @Test
    void anAttemptWithoutAnAnswerCountsNothing() {
        for (int i = 0; i < 10; i++) {
            assertEquals(OptionalLong.empty(), throttle.tryAttempt("alice", "192.0.2.1"));
            throttle.notCounted("alice", "192.0.2.1");
        }
        fail(3, "alice", "192.0.2.1");
        assertTrue(throttle.tryAttempt("alice", "192.0.2.1").isPresent());
    }

    @Test
    void accountNamesDifferingInCaseAreOneAccount() {
        fail(3, "Alice", "192.0.2.1");
        assertTrue(throttle.tryAttempt("ALICE", "192.0.2.1").isPresent());
    }

    private void fail(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            assertEquals(OptionalLong.empty(), throttle.tryAttempt(account, address), "failure " + (i + 1) + " is free");
        }
    }
}
