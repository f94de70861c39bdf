package org.jakartamcp.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.database.DatabaseReady;
import org.jakartamcp.platform.security.SecretHash;

/**
 * Creates the first administrator when there is no user yet: ADMIN_USERNAME (default "admin") with
 * ADMIN_PASSWORD. Without ADMIN_PASSWORD a random password is generated and written, readable by
 * the server's user only, to a file whose path the log names; the password itself never goes to
 * the log.
 */
@ApplicationScoped
public class InitialAdministrator {

    private static final Logger LOG = Logger.getLogger(InitialAdministrator.class.getName());

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "ADMIN_USERNAME", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "ADMIN_PASSWORD")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "ADMIN_PASSWORD_FILE", defaultValue = ".data/initial-admin-password")
    String passwordFile;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("first administrator", this::createIfNoUser);
    }

    /**
     * Instances starting at once on an empty database all get here: the first to take the lock creates the
     * administrator, the others find a user and carry on. A generated password goes to its file only when
     * this instance created the administrator, so a losing instance never overwrites the winner's file.
     */
    private void createIfNoUser() {
        if (passwords.anyUser()) {
            return;
        }
        Optional<String> configured = password.filter(value -> !value.isBlank());
        String initial = configured.orElseGet(() -> SecretHash.newSecret().substring(0, 20));
        // written before the user exists, so that an unwritable file leaves no administrator nobody can sign in as
        Path draft = configured.isPresent() ? null : draft(initial);
        boolean created = false;
        try {
            created = passwords.createFirst(username, "Administrator", initial, true);
            if (draft != null && created) {
                publish(draft);
            }
        } finally {
            if (draft != null && !created) {
                delete(draft);
            }
        }
        if (created) {
            LOG.info(() -> "Created the first administrator '" + username + "'");
        } else {
            LOG.info("Another instance created the first administrator");
        }
    }

    private Path draft(String generated) {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path draft = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(draft, generated + System.lineSeparator());
            return draft;
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot write the generated administrator password to " + file
                    + "; set ADMIN_PASSWORD instead", e);
        }
    }

    private void publish(Path draft) {
        Path file = file();
        try {
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.warning(() -> "No ADMIN_PASSWORD set: the first administrator '" + username + "' has a generated password, "
                    + "in " + file + ". Sign in and change it, or set ADMIN_PASSWORD before the first start.");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot move the generated administrator password to " + file
                    + "; it is in " + draft, e);
        }
    }

    private static void delete(Path draft) {
        try {
            Files.deleteIfExists(draft);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot delete " + draft + ": " + e.getMessage());
        }
    }

    /** The administrator's name and the file with their generated password, if one was generated (no ADMIN_PASSWORD). */
    Optional<FirstSignIn> generated() {
        if (password.filter(value -> !value.isBlank()).isPresent() || !Files.isRegularFile(file())) {
            return Optional.empty();
        }
        return Optional.of(new FirstSignIn(username, file().toString()));
    }

    private Path file() {
        return Path.of(passwordFile).toAbsolutePath();
    }
}
