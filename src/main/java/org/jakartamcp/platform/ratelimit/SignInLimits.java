package org.jakartamcp.platform.ratelimit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits of password sign-ins, which count failures only (see {@link SignInThrottle} for the
 * rules per account and per account and address), plus a bucket of failures per address against
 * one address trying many accounts. An address known good for the account skips the latter too.
 * Every count is in PostgreSQL, shared by all instances: the same limits with one instance or five.
 */
@ApplicationScoped
public class SignInLimits {

    @Inject
    @ConfigProperty(name = "oauth.sign-in.failures-per-pair", defaultValue = "5")
    int failuresPerPair;

    @Inject
    @ConfigProperty(name = "oauth.sign-in.failures-per-account", defaultValue = "50")
    int failuresPerAccount;

    @Inject
    @ConfigProperty(name = "oauth.sign-in.first-delay-seconds", defaultValue = "2")
    long firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "oauth.sign-in.max-delay-seconds", defaultValue = "900")
    long maxDelaySeconds;

    @Inject
    @ConfigProperty(name = "oauth.sign-in.known-address-days", defaultValue = "30")
    long knownAddressDays;

    @Inject
    RateLimits rateLimits;

    @Inject
    FailureStore failures;

    private SignInThrottle throttle;

    @PostConstruct
    void createThrottle() {
        Duration first = Duration.ofSeconds(Math.max(0, firstDelaySeconds));
        Duration max = Duration.ofSeconds(Math.max(firstDelaySeconds, maxDelaySeconds));
        // failures are forgotten after four longest waits without one: an hour by default
        Duration memory = max.multipliedBy(4);
        throttle = new SignInThrottle(new FailurePolicy(Math.max(1, failuresPerPair), first, max, memory),
                new FailurePolicy(Math.max(1, failuresPerAccount), first, max, memory), Duration.ofDays(knownAddressDays),
                Clock.systemUTC(), failures);
    }

    /**
     * Starts a password sign-in of {@code account} from the rate-limit key of an address: empty when
     * it may go (then report {@link #succeeded} if the password was right), otherwise the seconds to wait.
     */
    public OptionalLong tryAttempt(String account, String address) {
        boolean known = throttle.isKnown(account, address);
        if (!known) {
            OptionalLong byAddress = rateLimits.tryAcquire(RateLimits.Kind.SIGN_IN_PER_ADDRESS, address);
            if (byAddress.isPresent()) {
                return byAddress;
            }
        }
        OptionalLong wait = throttle.tryAttempt(account, address);
        if (wait.isPresent() && !known) {
            rateLimits.refund(RateLimits.Kind.SIGN_IN_PER_ADDRESS, address);
        }
        return wait;
    }

    /** The attempt ended without an answer (the database failed): it counts for nothing. */
    public void notCounted(String account, String address) {
        refundAddress(account, address);
        throttle.notCounted(account, address);
    }

    /** The password was right: the attempt costs nothing. */
    public void succeeded(String account, String address) {
        refundAddress(account, address);
        throttle.succeeded(account, address);
    }

    /**
     * Gives back the address's attempt, if {@link #tryAttempt} took one: at an address the account is
     * known at it took none, and giving one back anyway would let sign-ins to one's own account pay
     * for guesses at others'.
     */
    private void refundAddress(String account, String address) {
        if (!throttle.isKnown(account, address)) {
            rateLimits.refund(RateLimits.Kind.SIGN_IN_PER_ADDRESS, address);
        }
    }
}
