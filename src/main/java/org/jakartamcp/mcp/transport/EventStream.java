package org.jakartamcp.mcp.transport;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open server-sent-events stream. Writes are serialized, and the first failed write closes it:
 * that is how a client's disconnect is noticed, since no thread waits on the stream. A send completes
 * asynchronously, so each one starts only once the one before has been written: two writes in flight
 * at once (a keep-alive comment while an answer is sent) made the container refuse the second one
 * (SRVE0918E, a blocking write after non-blocking output began) and the answer was lost.
 */
final class EventStream {

    private final SseEventSink sink;
    private final Sse sse;
    private final Runnable onClose;
    private final java.util.concurrent.Executor closer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long openedAt = System.nanoTime();
    /** The last write handed to the sink; guarded by this. */
    private CompletionStage<?> written = CompletableFuture.completedFuture(null);

    /**
     * @param closer where the connection is closed: never the thread that asks, which may be serving another
     *               request (a session ended by another client's request), since closing a sink clears the JAX-RS
     *               context of the thread it runs on, and that request then fails (RESTEASY003880)
     */
    EventStream(SseEventSink sink, Sse sse, Runnable onClose, java.util.concurrent.Executor closer) {
        this.sink = sink;
        this.sse = sse;
        this.onClose = onClose;
        this.closer = closer;
    }

    boolean send(String name, String data) {
        return send(name, null, data);
    }

    boolean send(String name, String id, String data) {
        OutboundSseEvent.Builder event = sse.newEventBuilder().data(data);
        if (name != null) {
            event.name(name);
        }
        if (id != null) {
            event.id(id);
        }
        return write(event.build());
    }

    /** An event with an id and no data, so that a client that drops the connection right away can resume. */
    boolean prime(String id, long reconnectMillis) {
        return write(sse.newEventBuilder().id(id).data("").reconnectDelay(reconnectMillis).build());
    }

    boolean comment(String text) {
        return write(sse.newEventBuilder().comment(text).build());
    }

    /**
     * Ends the stream with a reconnection time: the client reconnects after {@code reconnectMillis} (elsewhere,
     * behind a load balancer) and resumes from the last event it received. Empty data and no id, as in a priming
     * event, which clients skip, and which leaves their last event id as it was. (RESTEasy writes no {@code retry:}
     * for an event without data.)
     */
    void end(String reason, long reconnectMillis) {
        write(sse.newEventBuilder().comment(reason).data("").reconnectDelay(reconnectMillis).build());
        close();
    }

    /** Whether it opened before the given {@link System#nanoTime()}. */
    boolean openedBefore(long nanoTime) {
        return openedAt - nanoTime < 0;
    }

    boolean isOpen() {
        return !closed.get() && !sink.isClosed();
    }

    private synchronized boolean write(OutboundSseEvent event) {
        if (!isOpen()) {
            close();
            return false;
        }
        written = written.thenCompose(ignored -> sink.send(event)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                close();
            }
        });
        return true;
    }

    /** Ends the stream once what was sent before has been written. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            CompletionStage<?> last;
            synchronized (this) {
                last = written;
            }
            last.whenCompleteAsync((ignored, failure) -> {
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    // already gone
                }
            }, closer);
            onClose.run();
        }
    }
}
