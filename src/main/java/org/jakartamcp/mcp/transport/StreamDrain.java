package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.platform.cluster.ClusterInstances;

/**
 * What a stopping instance does before anything of the application goes (a deploy, a scale-in, SIGTERM): it reports
 * itself not ready, lets the calls in flight finish for at most {@link TransportSettings#drain()}, then ends every
 * stream still open with a reconnection time ({@code retry:}), so that the clients reconnect, through the load
 * balancer, to another instance and resume from their last event there; last, it leaves the cluster, so that the
 * other instances stop relaying to it at once.
 */
@ApplicationScoped
public class StreamDrain {

    private static final Logger LOG = Logger.getLogger(StreamDrain.class.getName());
    private static final long POLL_MILLIS = 50;

    @Inject
    ClusterInstances instances;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    OpenStreams streams;

    @Inject
    TransportSettings settings;

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        instances.drain();
        int left = awaitNone(dispatcher::inFlight, settings.drain());
        if (left > 0) {
            LOG.warning(() -> left + " calls still running after " + settings.drain().toSeconds() + " s (mcp.drain-seconds); "
                    + "their streams end, their clients resume elsewhere");
        }
        streams.endAll(settings.drainReconnectMillis());
        instances.leave();
    }

    /** Waits until {@code count} is 0 or {@code timeout} passed; returns the last count. */
    static int awaitNone(IntSupplier count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int now = count.getAsInt();
        while (now > 0 && deadline - System.nanoTime() > 0) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count.getAsInt();
            }
            now = count.getAsInt();
        }
        return now;
    }
}
