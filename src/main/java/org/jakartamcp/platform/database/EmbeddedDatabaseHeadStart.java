package org.jakartamcp.platform.database;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jakartamcp.platform.database.DatabaseSettings.EmbeddedMode;

/**
 * Starts the embedded PostgreSQL as soon as the container begins deploying the application, instead of
 * once the application has started: bean discovery, Faces and JAX-RS take seconds, and a restarted
 * PostgreSQL (half a second) or a first start's initdb (several) fits inside them. Only the process starts
 * this early; {@link DatabaseStartup} takes it over through {@link EmbeddedDatabase}, and the migrations and
 * the readiness check work as before (not ready until the schema is current).
 * <p>
 * A plain thread: the container's executors are not available to an extension, and the task needs none of
 * their context (zonky's library, a process, a JDBC connection of its own).
 */
public class EmbeddedDatabaseHeadStart implements Extension {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseHeadStart.class.getName());

    private Future<AutoCloseable> started;
    private boolean taken;

    void begin(@Observes BeforeBeanDiscovery event) {
        ClassLoader application = EmbeddedDatabaseHeadStart.class.getClassLoader();
        DatabaseSettings settings;
        try {
            settings = new DatabaseSettings(ConfigProvider.getConfig(application));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "No head start for the embedded PostgreSQL: its settings cannot be read yet", e);
            return;
        }
        if (settings.embeddedMode() == EmbeddedMode.OFF) {
            return;
        }
        FutureTask<AutoCloseable> task = new FutureTask<>(() -> EmbeddedDatabase.start(settings));
        Thread thread = new Thread(task, "embedded-postgresql-start");
        thread.setContextClassLoader(application);
        thread.setDaemon(true);
        synchronized (this) {
            started = task;
        }
        thread.start();
    }

    /**
     * The start begun during the deployment, handed over once; empty if none was begun (the embedded
     * database is off, or the settings could not be read that early).
     */
    synchronized Optional<Future<AutoCloseable>> take() {
        if (taken || started == null) {
            return Optional.empty();
        }
        taken = true;
        return Optional.of(started);
    }

    /** A deployment that failed after the head start never took the database: it stops with the application. */
    void abandon(@Observes BeforeShutdown event) {
        Optional<Future<AutoCloseable>> unclaimed = take();
        if (unclaimed.isEmpty()) {
            return;
        }
        try {
            AutoCloseable server = unclaimed.get().get();
            if (server != null) {
                server.close();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "The embedded PostgreSQL that was never used did not stop cleanly", e);
        }
    }
}
