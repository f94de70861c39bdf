package org.jakartamcp.platform.ratelimit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.cluster.ClusterSignals;
import org.jakartamcp.platform.database.DatabaseReady;

/**
 * This instance's share of a limit meant for all instances together, for the limits checked on every MCP request,
 * which must not cost a database round trip: each instance allows {@code limit / instances} (rounded up), the number
 * of instances read from the database every {@code rate-limit.instances-check-seconds}. Behind a balancer that
 * spreads a client's requests evenly (round-robin) the sum is the limit; a client whose requests all land on one
 * instance gets its share there, less than the limit. With {@code rate-limit.instances} set, that number is taken
 * instead of counting (a fixed deployment; or 1 for limits per instance, as before instances shared them).
 */
@ApplicationScoped
public class InstanceShare {

    private static final Logger LOG = Logger.getLogger(InstanceShare.class.getName());

    @Inject
    ClusterSignals signals;

    @Inject
    @ConfigProperty(name = "rate-limit.instances-check-seconds", defaultValue = "10")
    long checkSeconds;

    /** 0: counted from the database; more: this many, whatever runs. */
    @Inject
    @ConfigProperty(name = "rate-limit.instances", defaultValue = "0")
    int fixedInstances;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile int instances = 1;
    private volatile ScheduledFuture<?> schedule;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("instance count for rate limits", () -> {
            if (fixedInstances > 0) {
                counted(fixedInstances);
                return;
            }
            count();
            long period = Math.max(1, checkSeconds);
            schedule = scheduler.scheduleWithFixedDelay(this::countQuietly, period, period, TimeUnit.SECONDS);
        });
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
        }
    }

    /** How many instances share the limits, as last counted (1 until counted). */
    public int instances() {
        return instances;
    }

    /** This instance's share of {@code limit}. */
    public int of(int limit) {
        return of(limit, instances);
    }

    /** A limit split over instances: rounded up, so that no share is 0 and the shares add up to at least the limit. */
    static int of(int limit, int instances) {
        int over = Math.max(1, instances);
        return Math.max(1, (limit + over - 1) / over);
    }

    /** Sets the count (the scheduled check, or a test). */
    void counted(int count) {
        instances = Math.max(1, count);
    }

    private void count() {
        counted(signals.instances());
    }

    private void countQuietly() {
        try {
            count();
        } catch (RuntimeException e) {
            // the database is away: the last count holds until it is back
            LOG.log(Level.FINE, "Could not count the instances; keeping " + instances, e);
        }
    }
}
