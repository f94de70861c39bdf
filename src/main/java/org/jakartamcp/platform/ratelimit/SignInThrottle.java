package org.jakartamcp.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Failed password sign-ins slow down further guesses; successful ones cost nothing.
 * <ul>
 * <li>Per account and address (the pair): few free failures, then a wait that doubles with each
 * further failure. A guesser at one address is stopped soon; a success resets the pair.</li>
 * <li>Per account, from every address together: many more free failures, then the same growing
 * wait, so that guessing from many addresses is slowed too. A pair that signed in successfully not
 * long ago (the user's own address) is exempt: others' failures do not lock the user out.</li>
 * </ul>
 * Every attempt is counted as a failure before the password is checked and given back if it was
 * right, so that parallel attempts cannot all pass the check before any failure is counted.
 */
final class SignInThrottle {

    private final FailurePolicy perPair;
    private final FailurePolicy perAccount;
    private final Duration knownFor;
    private final Clock clock;
    private final FailureStore counts;
    /** How long a count is kept after its last failure: the longer of the two policies' memories. */
    private final Duration memory;

    SignInThrottle(FailurePolicy perPair, FailurePolicy perAccount, Duration knownFor, Clock clock, FailureStore counts) {
        this.perPair = perPair;
        this.perAccount = perAccount;
        this.knownFor = knownFor;
        this.clock = clock;
        this.counts = counts;
        this.memory = perPair.memory().compareTo(perAccount.memory()) > 0 ? perPair.memory() : perAccount.memory();
    }

    /** Whether this account signed in successfully from this address within the known period. */
    boolean isKnown(String account, String address) {
        Instant lastSuccess = counts.lastSuccess(pairKey(account, address));
        return lastSuccess != null && !lastSuccess.isBefore(clock.instant().minus(knownFor));
    }

    /**
     * Starts an attempt: empty (the attempt counted as a failure until {@link #succeeded}) when it
     * may go now, otherwise the seconds to wait.
     */
    OptionalLong tryAttempt(String account, String address) {
        Instant now = clock.instant();
        return counts.change(List.of(pairKey(account, address), accountKey(account)), memory, knownFor,
                both -> tryAttempt(both.get(0), both.get(1), now));
    }

    private OptionalLong tryAttempt(FailureCount pair, FailureCount forAccount, Instant now) {
        boolean known = pair.succeededSince(now.minus(knownFor));
        Duration wait = pair.wait(perPair, now);
        if (!known) {
            Duration accountWait = forAccount.wait(perAccount, now);
            wait = accountWait.compareTo(wait) > 0 ? accountWait : wait;
        }
        if (!wait.isZero()) {
            return OptionalLong.of(seconds(wait));
        }
        if (!pair.tryCharge(perPair, now)) {
            return OptionalLong.of(seconds(pair.wait(perPair, now)));
        }
        // a known pair's failures still count for the account (not checked for it, though), so a guesser there is seen
        if (!forAccount.tryCharge(perAccount, now) && !known) {
            pair.refund();
            return OptionalLong.of(seconds(forAccount.wait(perAccount, now)));
        }
        return OptionalLong.empty();
    }

    /** The attempt's password was right: it costs nothing, and the pair's failures are forgotten. */
    void succeeded(String account, String address) {
        Instant now = clock.instant();
        counts.change(List.of(pairKey(account, address), accountKey(account)), memory, knownFor, both -> {
            both.get(1).refund();
            both.get(0).succeeded(now);
            return null;
        });
    }

    /** The attempt ended without an answer (the database failed): it counts for nothing. */
    void notCounted(String account, String address) {
        counts.change(List.of(pairKey(account, address), accountKey(account)), memory, knownFor, both -> {
            both.forEach(FailureCount::refund);
            return null;
        });
    }

    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    /** Per limit too, as {@link RateLimits}' buckets are: instances configured alike share a count, others count apart. */
    private HashedKeyMap.Key pairKey(String account, String address) {
        return HashedKeyMap.key("sign-in-pair/" + perPair.free(), normalized(account) + '\n' + address);
    }

    private HashedKeyMap.Key accountKey(String account) {
        return HashedKeyMap.key("sign-in-account/" + perAccount.free(), normalized(account));
    }

    private static String normalized(String account) {
        return account == null ? "" : account.toLowerCase(Locale.ROOT);
    }
}
