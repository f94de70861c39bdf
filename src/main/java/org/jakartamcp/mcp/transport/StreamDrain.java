package org.jakartamcp.mcp.transport;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.platform.cluster.ClusterInstances;

/**
 * What a stopping instance does before its application goes (a deploy, a scale-in): it reports itself not ready,
 * lets the calls in flight finish for at most {@link TransportSettings#drain()}, then ends every stream still open
 * with a reconnection time ({@code retry:}), so that the clients reconnect, through the load balancer, to another
 * instance and resume from their last event there; last, it leaves the cluster, so that the other instances stop
 * relaying to it at once.
 * <p>
 * It starts on whichever comes first: the JVM's termination (SIGTERM, which container runtimes and systemd send),
 * or the application's end. The first matters: on a stop request the server stops listening at once but holds back
 * the application's end while streams are open (Open Liberty waits up to 30 s for them), so a drain that waited for
 * the application's end would come after the streams were cut without a reconnection time.
 */
@ApplicationScoped
public class StreamDrain {

    private static final Logger LOG = Logger.getLogger(StreamDrain.class.getName());
    private static final long POLL_MILLIS = 50;

    @Inject
    BeanManager beans;

    @Inject
    TransportSettings settings;

    @Resource
    ManagedExecutorService executor;

    private Thread onTermination;
    private boolean drained;
    /**
     * Read while the application starts: at its end a bean not created before may not be creatable any more (a
     * redeployed WAR's file is gone by then), and the drain must not fail on its settings.
     */
    private Duration drainTime = Duration.ZERO;
    private long reconnectMillis;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        drainTime = settings.drain();
        reconnectMillis = settings.drainReconnectMillis();
        onTermination = new Thread(this::drainOnTermination, "mcp-drain-on-termination");
        Runtime.getRuntime().addShutdownHook(onTermination);
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        try {
            Runtime.getRuntime().removeShutdownHook(onTermination);
        } catch (IllegalStateException e) {
            // the JVM is terminating: the hook runs now, and this waits for it below
        }
        drain();
    }

    /** On a managed thread (the database work needs the application's context), waiting at most the drain time and a margin. */
    private void drainOnTermination() {
        try {
            executor.submit(this::drain).get(drainTime.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            drain();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Draining on termination did not finish", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Once per application run; a second caller waits until the first is done. Only beans that exist take part: one
     * never used has nothing to drain, and creating it while the application ends would fail (its resources are gone).
     */
    synchronized void drain() {
        if (drained) {
            return;
        }
        drained = true;
        Optional<ClusterInstances> instances = existing(ClusterInstances.class);
        instances.ifPresent(ClusterInstances::drain);
        int running = existing(McpDispatcher.class).map(dispatcher -> awaitNone(dispatcher::inFlight, drainTime)).orElse(0);
        if (running > 0) {
            LOG.warning(() -> running + " calls still running after " + drainTime.toSeconds() + " s (mcp.drain-seconds); "
                    + "their streams end, their clients resume elsewhere");
        }
        existing(OpenStreams.class).ifPresent(streams -> streams.endAll(reconnectMillis));
        instances.ifPresent(ClusterInstances::leave);
    }

    /** The application's instance of the bean, if it was created; never creates one. */
    private <T> Optional<T> existing(Class<T> type) {
        @SuppressWarnings("unchecked")
        Bean<T> bean = (Bean<T>) beans.resolve(beans.getBeans(type));
        return Optional.ofNullable(beans.getContext(ApplicationScoped.class).get(bean));
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
