package org.jakartamcp.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        if (passwords.anyUser()) {
            return;
        }
        String initial = password.filter(value -> !value.isBlank()).orElseGet(this::generated);
        passwords.create(username, "Administrator", initial, true);
        LOG.info(() -> "Created the first administrator '" + username + "'");
    }

    private String generated() {
        String generated = SecretHash.newSecret().substring(0, 20);
        Path file = Path.of(passwordFile).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generated + System.lineSeparator());
            LOG.warning(() -> "No ADMIN_PASSWORD set: the first administrator '" + username + "' has a generated password, "
                    + "in " + file + ". Sign in and change it, or set ADMIN_PASSWORD before the first start.");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot write the generated administrator password to " + file
                    + "; set ADMIN_PASSWORD instead", e);
        }
        return generated;
    }
}
