package org.jakartamcp.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;

/** The failed attempts of one key (an account, an account at an address), and its last success. */
final class FailureCount {

    private int failures;
    private Instant lastFailure;
    private Instant lastSuccess;

    FailureCount() {
    }

    /** A count as stored: {@code lastFailure} and {@code lastSuccess} may be null. */
    FailureCount(int failures, Instant lastFailure, Instant lastSuccess) {
        this.failures = failures;
        this.lastFailure = lastFailure;
        this.lastSuccess = lastSuccess;
    }

    synchronized int failures() {
        return failures;
    }

    synchronized Instant lastFailure() {
        return lastFailure;
    }

    synchronized Instant lastSuccess() {
        return lastSuccess;
    }

    /** When nothing of this count matters any more: its failures forgotten after {@code memory}, its success after {@code knownFor}. */
    synchronized Instant forgottenAt(Duration memory, Duration knownFor) {
        Instant failuresGone = lastFailure == null ? Instant.EPOCH : lastFailure.plus(memory);
        Instant successGone = lastSuccess == null ? Instant.EPOCH : lastSuccess.plus(knownFor);
        return failuresGone.isAfter(successGone) ? failuresGone : successGone;
    }

    /** How long before another attempt may go; zero when it may now. */
    synchronized Duration wait(FailurePolicy policy, Instant now) {
        if (lastFailure == null) {
            return Duration.ZERO;
        }
        now = notBeforeLastFailure(now);
        if (!now.isBefore(lastFailure.plus(policy.memory()))) {
            failures = 0;
            lastFailure = null;
            return Duration.ZERO;
        }
        Instant until = lastFailure.plus(policy.delayAfter(failures));
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Counts a failure now if an attempt may go now; false (nothing counted) if it must wait. */
    synchronized boolean tryCharge(FailurePolicy policy, Instant now) {
        if (!wait(policy, now).isZero()) {
            return false;
        }
        failures++;
        lastFailure = notBeforeLastFailure(now);
        return true;
    }

    /**
     * Callers read the clock before taking this lock, so a parallel attempt may have counted a failure at
     * a later instant than {@code now}: this attempt is then as late as that one, never earlier (which
     * would make it wait for the gap while free failures remain).
     */
    private Instant notBeforeLastFailure(Instant now) {
        return lastFailure != null && now.isBefore(lastFailure) ? lastFailure : now;
    }

    /** Takes back a failure counted in advance (the attempt succeeded, or another limit refused it). */
    synchronized void refund() {
        if (failures > 0) {
            failures--;
        }
    }

    /** A success: the failures are forgotten and the key is known good from now. */
    synchronized void succeeded(Instant now) {
        failures = 0;
        lastFailure = null;
        lastSuccess = now;
    }

    synchronized boolean succeededSince(Instant since) {
        return lastSuccess != null && !lastSuccess.isBefore(since);
    }
}
