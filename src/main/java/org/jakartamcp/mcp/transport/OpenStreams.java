package org.jakartamcp.mcp.transport;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jakartamcp.mcp.session.McpSession;

/**
 * The event streams open on this instance, one per session. Streams hold no thread; one scheduled
 * task sends keep-alive comments to all of them, which also finds the ones whose client has gone.
 */
@ApplicationScoped
public class OpenStreams {

    @Inject
    TransportSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<McpSession, EventStream> streams = new ConcurrentHashMap<>();
    private ScheduledFuture<?> keepAlive;

    void register(McpSession session, EventStream stream) {
        EventStream previous = streams.put(session, stream);
        if (previous != null && previous != stream) {
            previous.close();
        }
        startKeepAlive();
    }

    void remove(McpSession session, EventStream stream) {
        streams.remove(session, stream);
    }

    Optional<EventStream> of(McpSession session) {
        return Optional.ofNullable(streams.get(session));
    }

    /** Runs follow-up work of a closed stream (database writes) on a managed thread, not the I/O thread that noticed. */
    void afterClose(Runnable work) {
        scheduler.execute(work);
    }

    public int size() {
        return streams.size();
    }

    private synchronized void startKeepAlive() {
        if (keepAlive == null) {
            long period = settings.keepAlive().toMillis();
            keepAlive = scheduler.scheduleAtFixedRate(this::ping, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void ping() {
        streams.values().forEach(stream -> stream.comment("keep-alive"));
    }

    @PreDestroy
    synchronized void closeAll() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        streams.values().forEach(EventStream::close);
        streams.clear();
    }
}
