package org.jakartamcp.mcp.transport;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.SessionEnded;
import org.jakartamcp.mcp.session.SessionStore;
import org.jakartamcp.platform.telemetry.EventCounters;

/**
 * The event-stream connections open on this instance. They hold no thread; one scheduled task sends
 * keep-alive comments to all of them, which is also how a client that went away is noticed.
 */
@ApplicationScoped
public class OpenStreams {

    private static final Logger LOG = Logger.getLogger(OpenStreams.class.getName());

    @Inject
    TransportSettings settings;

    @Inject
    McpLimits limits;

    @Inject
    SessionStore sessions;

    @Inject
    EventCounters counters;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<EventStream> connections = ConcurrentHashMap.newKeySet();
    /** The HTTP+SSE sessions whose stream is open here, by session hash (which is what another instance's signal names). */
    private final Map<String, Held> sseSessions = new ConcurrentHashMap<>();
    private ScheduledFuture<?> keepAlive;

    /**
     * Takes one of the user's places for an open stream, before any work for the stream is done; 429
     * with Retry-After when all are taken. A stream the client dropped gives its place back when the
     * next keep-alive fails to reach it, hence the Retry-After of one keep-alive interval.
     */
    Place reserve(String principal) {
        if (!limits.streamsPerUser().tryAcquire(principal)) {
            counters.streamRefused();
            throw McpHttpErrors.tooManyRequests(settings.keepAlive().toSeconds(), "Too many open streams: " + principal
                    + " already has " + limits.streamsPerUser().max() + " event streams open on this server; close one first");
        }
        return new Place(() -> limits.streamsPerUser().release(principal));
    }

    /**
     * An event stream of the session in the given place, that closes when its connection does, and sends
     * keep-alives until then; while it is open, the session counts as in use.
     */
    EventStream open(Place place, McpSession session, jakarta.ws.rs.sse.SseEventSink sink, jakarta.ws.rs.sse.Sse sse, Runnable onClose) {
        EventStream[] holder = new EventStream[1];
        sessions.streamOpened(session);
        EventStream stream = new EventStream(sink, sse, () -> {
            connections.remove(holder[0]);
            place.release();
            sessions.streamClosed(session);
            onClose.run();
        }, this::closeElsewhere);
        holder[0] = stream;
        connections.add(stream);
        startKeepAlive();
        return stream;
    }

    /** How many event streams are open on this instance (a metric). */
    public int count() {
        return connections.size();
    }

    /** The stream of an HTTP+SSE (2024-11-05) session, which lives as long as its stream. */
    void bind(McpSession session, EventStream stream) {
        sseSessions.put(session.idHash(), new Held(session, stream));
    }

    void unbind(McpSession session) {
        sseSessions.remove(session.idHash());
    }

    Optional<EventStream> of(McpSession session) {
        return Optional.ofNullable(sseSessions.get(session.idHash())).map(Held::stream);
    }

    /** The HTTP+SSE session of this hash, if its stream is open here. */
    Optional<Held> heldHere(String sessionHash) {
        return Optional.ofNullable(sseSessions.get(sessionHash));
    }

    /** Every HTTP+SSE session whose stream is open here. */
    List<Held> heldHere() {
        return List.copyOf(sseSessions.values());
    }

    /** An HTTP+SSE session ended elsewhere (or expired): its stream closes, which tells the client. */
    void onSessionEnded(@Observes SessionEnded ended) {
        Held held = sseSessions.remove(ended.session().idHash());
        if (held != null) {
            held.stream().close();
        }
    }

    /** An HTTP+SSE session and its open stream. */
    record Held(McpSession session, EventStream stream) {
    }

    /** Closes a connection on a managed thread; while the server stops and the executor takes no more, here. */
    private void closeElsewhere(Runnable close) {
        onManagedThread(close);
    }

    /**
     * Runs follow-up work of a closed stream (database writes) on a managed thread, not the I/O thread that noticed.
     * While the application stops, its drain ends the streams after the executor has stopped taking tasks: the work
     * then runs here, on the application's own thread, while the database is still there (a refused task used to end
     * the drain at its first HTTP+SSE stream: the other streams were cut without a reconnection time).
     */
    void afterClose(Runnable work) {
        onManagedThread(work);
    }

    private void onManagedThread(Runnable work) {
        try {
            scheduler.execute(work);
        } catch (RejectedExecutionException e) {
            work.run();
        }
    }

    private synchronized void startKeepAlive() {
        if (keepAlive == null) {
            long period = settings.keepAlive().toMillis();
            keepAlive = scheduler.scheduleAtFixedRate(this::ping, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A stream gets its first keep-alive a full interval after it opened: a comment written while the
     * request that opened it is still being answered made Liberty refuse RESTEasy's own blocking flush
     * (SRVE0918E) and the stream ended without its answer (seen in the soak benchmark, at the ticks).
     */
    private void ping() {
        long youngest = System.nanoTime() - settings.keepAlive().toNanos();
        connections.forEach(stream -> {
            if (stream.openedBefore(youngest)) {
                stream.comment("keep-alive");
            }
        });
    }

    /** One user's place for one open stream; given back once, however often released. */
    static final class Place {
        private final Runnable giveBack;
        private final AtomicBoolean released = new AtomicBoolean();

        Place(Runnable giveBack) {
            this.giveBack = giveBack;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                giveBack.run();
            }
        }
    }

    /**
     * Ends every stream open here: the instance stops, the clients reconnect elsewhere. A Streamable HTTP stream ends
     * with a reconnection time, after which its client resumes from its last event; an HTTP+SSE stream just closes:
     * its session ends with it, and an event with empty data would reach those clients as a message that is no JSON.
     */
    void endAll(long reconnectMillis) {
        Set<EventStream> legacy = Collections.newSetFromMap(new IdentityHashMap<>());
        sseSessions.values().forEach(held -> legacy.add(held.stream()));
        connections.forEach(stream -> {
            try {
                if (legacy.contains(stream)) {
                    stream.close();
                } else {
                    stream.end("the server is stopping; reconnect", reconnectMillis);
                }
            } catch (RuntimeException e) {
                // one stream's trouble must not leave the others open without a reconnection time
                LOG.log(Level.WARNING, "A stream could not be ended cleanly while the server stops", e);
            }
        });
    }

    @PreDestroy
    synchronized void closeAll() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        connections.forEach(EventStream::close);
        connections.clear();
        sseSessions.clear();
    }
}
