package org.jakartamcp.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a newcomer on the landing and sign-in pages where the generated password of the first administrator is, until
 * that administrator has signed in once. The pages are public: the answer is looked up at most every
 * {@link #RECHECK} per instance, and never again once the administrator has signed in.
 */
@Named
@ApplicationScoped
public class FirstSignInHint {

    static final Duration RECHECK = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(FirstSignInHint.class.getName());

    @Inject
    InitialAdministrator initialAdministrator;

    @Inject
    Passwords passwords;

    private final Clock clock;
    private volatile boolean signedIn;
    private volatile Instant checkedAt = Instant.MIN;
    private volatile Optional<FirstSignIn> hint = Optional.empty();

    public FirstSignInHint() {
        this(Clock.systemUTC());
    }

    FirstSignInHint(Clock clock) {
        this.clock = clock;
    }

    /** The hint to show, if the first administrator has a generated password and has never signed in. */
    public Optional<FirstSignIn> current() {
        if (signedIn) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isBefore(checkedAt.plus(RECHECK))) {
            return hint;
        }
        checkedAt = now;
        hint = look();
        return hint;
    }

    /** For the pages' expressions: the hint or null. */
    public FirstSignIn getCurrent() {
        return current().orElse(null);
    }

    private Optional<FirstSignIn> look() {
        Optional<FirstSignIn> generated = initialAdministrator.generated();
        if (generated.isEmpty()) {
            return generated;
        }
        try {
            if (passwords.neverSignedIn(generated.get().username())) {
                return generated;
            }
            signedIn = true;
        } catch (RuntimeException e) {
            // the database is away: a page without the hint is better than no page
            LOG.log(Level.FINE, "Cannot tell whether the first administrator has signed in", e);
        }
        return Optional.empty();
    }
}
