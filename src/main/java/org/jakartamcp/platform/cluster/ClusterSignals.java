package org.jakartamcp.platform.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.database.DatabaseReady;
import org.jakartamcp.platform.database.UnpooledConnections;

/**
 * Signals between the instances of this server that share one database, through PostgreSQL's
 * LISTEN/NOTIFY: the database stays the truth, a signal only tells the other instances to stop
 * trusting what they keep in memory about one key. Every cache that listens also checks itself
 * against the database periodically, so a signal lost (an instance that could not reach the database
 * for a while) costs a delay, never a wrong answer for longer than that period.
 */
@ApplicationScoped
public class ClusterSignals {

    private static final Logger LOG = Logger.getLogger(ClusterSignals.class.getName());
    private static final Duration LISTENING_TIMEOUT = Duration.ofSeconds(10);
    /** The application name of each instance's listening connection: an operator finds the listeners in pg_stat_activity by it. */
    private static final String LISTENER_NAME = "jakarta-mcp-server signals";

    /** This instance's id names the sender of its signals: new at every start, so a restarted instance is another sender. */
    @Inject
    ClusterInstances clusterInstances;

    @Inject
    SignalRepository repository;

    @Inject
    UnpooledConnections connections;

    @Inject
    Event<ClusterSignal> received;

    @Inject
    @ConfigProperty(name = "cluster.signal-check-seconds", defaultValue = "10")
    long checkSeconds;

    @Resource
    ManagedThreadFactory threads;

    private volatile SignalListener listener;

    /** A start-up step: the server is ready once this instance hears the others (retried until it does). */
    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("cluster signals", this::startListening);
    }

    private synchronized void startListening() {
        if (listener == null) {
            SignalListener started = new SignalListener(() -> connections.open(LISTENER_NAME), clusterInstances.id(), received::fire,
                    Duration.ofSeconds(Math.max(1, checkSeconds)));
            Thread thread = threads.newThread(started);
            thread.setName("mcp-cluster-signals");
            thread.setDaemon(true);
            thread.start();
            listener = started;
        }
        if (!listener.awaitListening(LISTENING_TIMEOUT)) {
            throw new IllegalStateException("not listening for the other instances' signals within " + LISTENING_TIMEOUT.toSeconds() + " s");
        }
    }

    @PreDestroy
    void stop() {
        SignalListener running = listener;
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Tells the other instances about a change, once the caller's transaction (if any) commits. A
     * failure is logged, not thrown: the others then find out through their periodic checks.
     */
    public void publish(ClusterSignal.Topic topic, String subject) {
        try {
            repository.notify(new SignalPayload(clusterInstances.id(), new ClusterSignal(topic, subject)).encode());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not signal " + topic + " to the other instances; they find out through their periodic checks", e);
        }
    }

    /** Whether this instance hears the others' signals now. */
    public boolean isListening() {
        SignalListener running = listener;
        return running != null && running.isListening();
    }
}
