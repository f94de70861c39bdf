package org.jakartamcp.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with a username and password. Passwords are kept as Jakarta Security PBKDF2 hashes; an
 * unknown username costs the same hash computation as a known one, so the time of an answer does
 * not tell which usernames exist.
 */
@ApplicationScoped
public class Passwords {

    /** The username column's size. */
    public static final int MAX_USERNAME = 255;
    public static final int MAX_PASSWORD = 1024;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    UserRepository users;

    private final Clock clock = Clock.systemUTC();
    private volatile String unknownUserHash;

    @PostConstruct
    void parameters() {
        // the Jakarta Security default (2048 iterations of SHA-256) is far below today's advice (OWASP 2023)
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    /** The user these credentials belong to, if they are right and the account is enabled. */
    public Optional<User> authenticate(String username, String password) {
        if (!withinBounds(username, password)) {
            return Optional.empty();
        }
        Optional<UserRecord> user = users.byUsername(username);
        String stored = user.map(record -> record.passwordHash).orElse(null);
        boolean matches = hash.verify(password.toCharArray(), stored != null ? stored : unknownUserHash());
        Optional<UserRecord> authenticated = user.filter(record -> matches && stored != null && !record.disabled);
        authenticated.ifPresent(record -> users.signedIn(record.id, OffsetDateTime.now(clock)));
        return authenticated.map(UserRecord::toUser);
    }

    /** Whether a username and password can be an account's at all (the column's and the form's sizes); checked before any work. */
    public static boolean withinBounds(String username, String password) {
        return username != null && password != null && username.length() <= MAX_USERNAME && password.length() <= MAX_PASSWORD;
    }

    /** Creates a user with a password (the first administrator, tests, the admin pages). */
    public User create(String username, String displayName, String password, boolean administrator) {
        UserRecord record = new UserRecord(username, displayName, hash.generate(password.toCharArray()), administrator,
                OffsetDateTime.now(clock));
        users.insert(record);
        return record.toUser();
    }

    /**
     * Creates the first user, unless there is a user already: false then. Safe on several instances at
     * once (the check and the insert hold a database-wide lock).
     */
    boolean createFirst(String username, String displayName, String password, boolean administrator) {
        return users.insertIfNoUser(new UserRecord(username, displayName, hash.generate(password.toCharArray()), administrator,
                OffsetDateTime.now(clock)));
    }

    /** Whether this user exists and has never signed in with their password. */
    boolean neverSignedIn(String username) {
        return users.byUsername(username).filter(record -> record.signedInAt == null).isPresent();
    }

    boolean anyUser() {
        return users.count() > 0;
    }

    private String unknownUserHash() {
        String dummy = unknownUserHash;
        if (dummy == null) {
            dummy = hash.generate("no such user".toCharArray());
            unknownUserHash = dummy;
        }
        return dummy;
    }
}
