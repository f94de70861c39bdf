package org.jakartamcp.mcp.telemetry.activity;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.server.tools.ToolRegistry;
import org.jakartamcp.mcp.session.SessionStore;
import org.jakartamcp.mcp.transport.OpenStreams;
import org.jakartamcp.platform.cluster.ClusterInstances;
import org.jakartamcp.platform.database.DatabaseFailures;
import org.jakartamcp.platform.database.DatabaseReady;

/**
 * This instance's share of the activity page: the counters the tool calls update in memory ({@link #counters()}, taken
 * once by the metrics' recording point), and a scheduled flush, off every request's path, that writes the current
 * minute's row every {@link ActivitySettings#flushInterval()} and once more when the instance stops. A flush that
 * fails (the database out of reach) loses nothing while the minute lasts: the next one writes the whole minute again.
 */
@ApplicationScoped
public class ActivityRecorder {

    private static final Logger LOG = Logger.getLogger(ActivityRecorder.class.getName());

    @Inject
    ToolRegistry tools;

    @Inject
    SessionStore sessions;

    @Inject
    OpenStreams streams;

    @Inject
    ClusterInstances instances;

    @Inject
    ActivityRepository repository;

    @Inject
    ActivitySettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private ActivityCounters counters;
    private ActivityMinutes minutes;
    private volatile ScheduledFuture<?> schedule;

    @PostConstruct
    void create() {
        counters = new ActivityCounters(tools.names());
        minutes = new ActivityMinutes(counters.tools());
    }

    /** The counters a tool call updates: a plain object, so that the caller holds no proxy of this bean. */
    public ActivityCounters counters() {
        return counters;
    }

    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("activity flush schedule", () -> {
            long period = settings.flushInterval().toMillis();
            schedule = scheduler.scheduleAtFixedRate(this::scheduledFlush, period, period, TimeUnit.MILLISECONDS);
        });
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
            try {
                flush();
            } catch (RuntimeException e) {
                LOG.fine(() -> "The last minute of activity was not written: " + DatabaseFailures.describe(e));
            }
        }
    }

    private void scheduledFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.fine(() -> "Activity not written, the database is unavailable: " + DatabaseFailures.describe(e));
            } else {
                LOG.log(Level.WARNING, "Writing the minute of activity failed; trying again in "
                        + settings.flushInterval().toSeconds() + " s", e);
            }
        }
    }

    /** Writes this instance's current minute. */
    synchronized void flush() {
        ActivityMinute row = minutes.advance(clock.instant(), counters.totals(), sessions.cachedCount(), streams.count());
        repository.save(instances.id(), row);
    }
}
