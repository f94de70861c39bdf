package org.jakartamcp.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jakartamcp.testing.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstSignInHintTest {

    @TempDir
    Path directory;

    private final MovableClock clock = new MovableClock();
    private final CountingPasswords passwords = new CountingPasswords();
    private final InitialAdministrator administrator = new InitialAdministrator();
    private FirstSignInHint hint;
    private Path passwordFile;

    @BeforeEach
    void generatedPassword() throws IOException {
        passwordFile = Files.writeString(directory.resolve("initial-admin-password"), "generated\n");
        administrator.username = "admin";
        administrator.password = Optional.empty();
        administrator.passwordFile = passwordFile.toString();
        hint = new FirstSignInHint(clock);
        hint.initialAdministrator = administrator;
        hint.passwords = passwords;
    }

    @Test
    void namesTheAdministratorAndThePasswordFileUntilTheyHaveSignedIn() {
        assertEquals(Optional.of(new FirstSignIn("admin", passwordFile.toAbsolutePath().toString())), hint.current());
        passwords.signedIn = true;
        clock.advance(FirstSignInHint.RECHECK);
        assertTrue(hint.current().isEmpty());
    }

    /** The pages are public: visitors must not cost a database query each. */
    @Test
    void asksTheDatabaseAtMostOncePerRecheckInterval() {
        for (int i = 0; i < 100; i++) {
            hint.current();
            clock.advance(Duration.ofMillis(99));
        }
        assertEquals(1, passwords.asked);
        clock.advance(Duration.ofMillis(100));
        hint.current();
        assertEquals(2, passwords.asked);
    }

    @Test
    void onceSignedInTheDatabaseIsNeverAskedAgain() {
        passwords.signedIn = true;
        assertTrue(hint.current().isEmpty());
        clock.advance(Duration.ofDays(1));
        hint.current();
        assertEquals(1, passwords.asked);
    }

    @Test
    void noHintWhenThePasswordWasConfigured() {
        administrator.password = Optional.of("chosen-by-the-operator");
        assertTrue(hint.current().isEmpty());
        assertEquals(0, passwords.asked);
    }

    @Test
    void noHintBeforeThePasswordFileIsWritten() throws IOException {
        Files.delete(passwordFile);
        assertTrue(hint.current().isEmpty());
        Files.writeString(passwordFile, "generated\n");
        clock.advance(FirstSignInHint.RECHECK);
        assertTrue(hint.current().isPresent(), "written by the first start, once the database was ready");
    }

    @Test
    void aDatabaseFailureHidesTheHintUntilTheNextCheck() {
        passwords.failing = true;
        assertTrue(hint.current().isEmpty());
        passwords.failing = false;
        clock.advance(FirstSignInHint.RECHECK);
        assertTrue(hint.current().isPresent());
    }

    private static final class CountingPasswords extends Passwords {
        boolean signedIn;
        boolean failing;
        int asked;

        @Override
        boolean neverSignedIn(String username) {
            asked++;
            if (failing) {
                throw new IllegalStateException("the database is away");
            }
            return !signedIn;
        }
    }
}
