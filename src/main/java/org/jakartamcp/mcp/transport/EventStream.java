package org.jakartamcp.mcp.transport;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open server-sent-events stream. Writes are serialized, and the first failed write closes it:
 * that is how a client's disconnect is noticed, since no thread waits on the stream.
 */
final class EventStream {

    private final SseEventSink sink;
    private final Sse sse;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    EventStream(SseEventSink sink, Sse sse, Runnable onClose) {
        this.sink = sink;
        this.sse = sse;
        this.onClose = onClose;
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

    boolean isOpen() {
        return !closed.get() && !sink.isClosed();
    }

    private synchronized boolean write(OutboundSseEvent event) {
        if (!isOpen()) {
            close();
            return false;
        }
        try {
            sink.send(event).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    close();
                }
            });
            return true;
        } catch (RuntimeException e) {
            close();
            return false;
        }
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                // already gone
            }
            onClose.run();
        }
    }
}
