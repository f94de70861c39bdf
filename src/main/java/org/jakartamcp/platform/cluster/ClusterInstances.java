package org.jakartamcp.platform.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.platform.database.DatabaseFailures;
import org.jakartamcp.platform.database.DatabaseReady;

/**
 * Which instances of this server are alive: each writes a heartbeat to {@code cluster_instance} every
 * {@link ClusterSettings#heartbeat()} and, in the same round, reads which others did within
 * {@link ClusterSettings#instanceTimeout()}. The answers come from that copy in memory, never from a query: asking is
 * free on any request's path, and an instance that died counts as gone within the timeout plus one heartbeat. An
 * instance that stops deletes its row, so the others count it gone at their next heartbeat.
 */
@ApplicationScoped
public class ClusterInstances {

    private static final Logger LOG = Logger.getLogger(ClusterInstances.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** New at every start, so that a restarted instance is another one (its streams and calls did not survive). */
    private final String id = newInstanceId();
    private final String description = description();

    @Inject
    InstanceRepository repository;

    @Inject
    ClusterSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Set<String> live = Set.of();
    private volatile boolean draining;
    private volatile boolean beaten;
    private volatile boolean left;
    private volatile ScheduledFuture<?> heartbeat;

    /** A start-up step: the instance is on record (and knows the others) before it reports ready. */
    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("instance heartbeat", () -> {
            beat();
            long period = settings.heartbeat().toMillis();
            heartbeat = scheduler.scheduleWithFixedDelay(this::scheduledBeat, period, period, TimeUnit.MILLISECONDS);
        });
    }

    /** This instance's id, as the other instances and the database name it. */
    public String id() {
        return id;
    }

    /** Whether the instance of this id is alive, as of this instance's last heartbeat (this instance: until it leaves). */
    public boolean isAlive(String instance) {
        return id.equals(instance) ? !left : live.contains(instance);
    }

    /** How many instances are alive, this one included (at least 1): e.g. to share a cluster-wide budget. */
    public int liveCount() {
        Set<String> known = live;
        return Math.max(1, known.size() + (known.contains(id) || left ? 0 : 1));
    }

    /** The instance stops: from now on it reports itself not ready, while its streams end and its calls finish. */
    public void drain() {
        draining = true;
    }

    /** Whether the instance is stopping (then it is not ready, whatever else holds). */
    public boolean isDraining() {
        return draining;
    }

    private void scheduledBeat() {
        try {
            beat();
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.fine(() -> "No heartbeat, the database is unavailable: " + DatabaseFailures.describe(e));
            } else {
                LOG.log(Level.WARNING, "The instance heartbeat failed; trying again in " + settings.heartbeat().toSeconds() + " s", e);
            }
        }
    }

    void beat() {
        if (!left) {
            repository.beat(id, description);
            beaten = true;
        }
        live = Set.copyOf(repository.live(settings.instanceTimeout()));
    }

    /**
     * This instance stops: its heartbeat ends and its row goes, so the others stop relaying to it at their next
     * heartbeat instead of after the timeout. Called once it has drained; again on destruction, where it does nothing.
     */
    public synchronized void leave() {
        if (left) {
            return;
        }
        left = true;
        draining = true;
        ScheduledFuture<?> running = heartbeat;
        if (running != null) {
            running.cancel(false);
        }
        if (!beaten) {
            return;
        }
        try {
            repository.remove(id);
        } catch (RuntimeException e) {
            LOG.fine(() -> "The instance row stays until housekeeping removes it: " + DatabaseFailures.describe(e));
        }
    }

    @PreDestroy
    void stop() {
        leave();
    }

    private static String newInstanceId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the row says about the instance, for whoever reads the table. */
    private static String description() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        String text = host + " pid " + ProcessHandle.current().pid();
        return text.length() > 255 ? text.substring(0, 255) : text;
    }
}
