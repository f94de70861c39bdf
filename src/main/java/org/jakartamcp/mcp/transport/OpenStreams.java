package org.jakartamcp.mcp.transport;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jakartamcp.mcp.session.McpSession;

/**
 * The event-stream connections open on this instance. They hold no thread; one scheduled task sends
 * keep-alive comments to all of them, which is also how a client that went away is noticed.
 */
@ApplicationScoped
public class OpenStreams {

    @Inject
    TransportSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<EventStream> connections = ConcurrentHashMap.newKeySet();
    private final Map<McpSession, EventStream> sseSessions = new ConcurrentHashMap<>();
    private ScheduledFuture<?> keepAlive;

    /** An event stream that closes when its connection does, and sends keep-alives until then. */
    EventStream open(jakarta.ws.rs.sse.SseEventSink sink, jakarta.ws.rs.sse.Sse sse, Runnable onClose) {
        EventStream[] holder = new EventStream[1];
        EventStream stream = new EventStream(sink, sse, () -> {
            connections.remove(holder[0]);
            onClose.run();
        });
        holder[0] = stream;
        connections.add(stream);
        startKeepAlive();
        return stream;
    }

    /** The stream of an HTTP+SSE (2024-11-05) session, which lives as long as its stream. */
    void bind(McpSession session, EventStream stream) {
        sseSessions.put(session, stream);
    }

    void unbind(McpSession session) {
        sseSessions.remove(session);
    }

    Optional<EventStream> of(McpSession session) {
        return Optional.ofNullable(sseSessions.get(session));
    }

    /** Runs follow-up work of a closed stream (database writes) on a managed thread, not the I/O thread that noticed. */
    void afterClose(Runnable work) {
        scheduler.execute(work);
    }

    private synchronized void startKeepAlive() {
        if (keepAlive == null) {
            long period = settings.keepAlive().toMillis();
            keepAlive = scheduler.scheduleAtFixedRate(this::ping, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void ping() {
        connections.forEach(stream -> stream.comment("keep-alive"));
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
