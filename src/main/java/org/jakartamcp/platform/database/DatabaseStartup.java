package org.jakartamcp.platform.database;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prepares the database when the application starts: the embedded PostgreSQL if there is one, then
 * the migrations, then the start-up steps registered on {@link DatabaseReady}. The database may be
 * down at that moment; the application starts anyway, reports itself not ready, and keeps trying
 * with a growing delay; a failed start-up step is retried the same way, and readiness names it.
 */
@ApplicationScoped
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class.getName());
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(15);

    @Inject
    EmbeddedDatabase embeddedDatabase;

    @Inject
    SchemaMigration schemaMigration;

    @Inject
    Event<DatabaseReady> databaseReady;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile boolean complete;
    private volatile String embeddedFailure;
    private volatile String announceFailure;
    private volatile StartupSteps steps;
    private volatile ScheduledFuture<?> retry;

    /** Returns at once: the application serves (and reports itself not ready) while the database comes up. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        scheduler.execute(this::prepare);
    }

    private void prepare() {
        try {
            embeddedDatabase.startIfConfigured();
        } catch (ForeignDatabaseException e) {
            refuse(e.getMessage(), null);
            return;
        } catch (Exception e) {
            refuse("The embedded PostgreSQL did not start (" + DatabaseFailures.describe(e)
                    + "); its own log is next to its data directory", e);
            return;
        }
        attempt(1);
    }

    /**
     * Whatever answers on the embedded database's port now is not known to be ours: the server stays
     * not ready and never connects there, until it is restarted.
     */
    private void refuse(String reason, Exception cause) {
        embeddedFailure = reason;
        LOG.log(Level.SEVERE, reason + "; the server stays not ready until it is restarted", cause);
    }

    private void attempt(int number) {
        if (!schemaMigration.migrate()) {
            retry = scheduler.schedule(() -> attempt(number + 1), retryDelay(number).toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        announce(1);
    }

    /** Tells the observers the database is ready; they register the start-up steps. */
    private void announce(int number) {
        DatabaseReady event = new DatabaseReady();
        try {
            databaseReady.fire(event);
        } catch (RuntimeException e) {
            // an observer that did its work in the observer instead of registering a step
            announceFailure = "a database-ready observer failed (" + DatabaseFailures.describe(e) + ")";
            LOG.log(Level.SEVERE, "A database-ready observer failed; the start-up is tried again", e);
            retry = scheduler.schedule(() -> announce(number + 1), retryDelay(number).toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        announceFailure = null;
        steps = new StartupSteps(event.steps());
        runSteps(1);
    }

    private void runSteps(int number) {
        if (!steps.runPending()) {
            retry = scheduler.schedule(() -> runSteps(number + 1), retryDelay(number).toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        complete = true;
        LOG.info(() -> "Start-up steps done: " + String.join(", ", steps.done()));
    }

    /** A retry still waiting when the application stops would run into an executor that refuses it. */
    @PreDestroy
    void stop() {
        ScheduledFuture<?> waiting = retry;
        if (waiting != null) {
            waiting.cancel(false);
        }
    }

    /** Whether the schema is current and everything that waited for the database has run. */
    public boolean isComplete() {
        return complete;
    }

    /** Why the database is not prepared yet, for the readiness check. */
    public String pendingReason() {
        if (complete) {
            return null;
        }
        if (embeddedFailure != null) {
            return embeddedFailure;
        }
        if (!schemaMigration.isComplete()) {
            return schemaMigration.lastFailure();
        }
        StartupSteps running = steps;
        if (running != null) {
            return running.pendingReason();
        }
        return announceFailure != null ? announceFailure : "running start-up steps";
    }

    /** The start-up steps done so far, in order (all of them once {@link #isComplete()}). */
    public List<String> stepsDone() {
        StartupSteps running = steps;
        return running == null ? List.of() : running.done();
    }

    /** 0.5 s, 1 s, 2 s, ... up to {@link #MAX_RETRY_DELAY}. */
    static Duration retryDelay(int attempt) {
        long millis = 500L << Math.min(Math.max(attempt - 1, 0), 10);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY_DELAY.toMillis()));
    }
}
