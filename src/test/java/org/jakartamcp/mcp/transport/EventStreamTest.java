package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Writes to an event stream: one at a time, and the stream ends only after what was sent before it. */
class EventStreamTest {

    /** A sink whose sends complete when the test says so, like a container writing asynchronously. */
    static final class SlowSink implements SseEventSink {
        final List<CompletableFuture<Void>> writes = new ArrayList<>();
        boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            CompletableFuture<Void> write = new CompletableFuture<>();
            writes.add(write);
            return write;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** An Sse whose builders accept everything and build an opaque event (the sink never looks inside). */
    static Sse sse() {
        OutboundSseEvent event = (OutboundSseEvent) Proxy.newProxyInstance(EventStreamTest.class.getClassLoader(),
                new Class<?>[] {OutboundSseEvent.class}, (proxy, method, args) -> null);
        Object[] builder = new Object[1];
        builder[0] = Proxy.newProxyInstance(EventStreamTest.class.getClassLoader(), new Class<?>[] {OutboundSseEvent.Builder.class},
                (proxy, method, args) -> method.getName().equals("build") ? event : builder[0]);
        return (Sse) Proxy.newProxyInstance(EventStreamTest.class.getClassLoader(), new Class<?>[] {Sse.class},
                (proxy, method, args) -> method.getName().equals("newEventBuilder") ? builder[0] : null);
    }

    @Test
    void aWriteStartsOnlyWhenTheOneBeforeIsWritten() {
        SlowSink sink = new SlowSink();
        EventStream stream = new EventStream(sink, sse(), () -> { }, Runnable::run);
        assertTrue(stream.comment("keep-alive"));
        assertTrue(stream.send("message", "1", "{\"result\":{}}"));
        assertEquals(1, sink.writes.size(), "the answer waits while the keep-alive is being written");
        sink.writes.get(0).complete(null);
        assertEquals(2, sink.writes.size(), "and follows once it is written");
    }

    @Test
    void closingWaitsForTheLastWrite() {
        SlowSink sink = new SlowSink();
        AtomicInteger closedCallbacks = new AtomicInteger();
        EventStream stream = new EventStream(sink, sse(), closedCallbacks::incrementAndGet, Runnable::run);
        stream.send("message", "1", "{\"result\":{}}");
        stream.close();
        assertFalse(sink.closed, "the answer is not cut off");
        assertEquals(1, closedCallbacks.get());
        sink.writes.get(0).complete(null);
        assertTrue(sink.closed);
        assertFalse(stream.send("message", "2", "{}"), "nothing is sent after the end");
    }

    @Test
    void aFailedWriteEndsTheStream() {
        SlowSink sink = new SlowSink();
        AtomicInteger closedCallbacks = new AtomicInteger();
        EventStream stream = new EventStream(sink, sse(), closedCallbacks::incrementAndGet, Runnable::run);
        stream.comment("keep-alive");
        stream.send("message", "1", "{}");
        sink.writes.get(0).completeExceptionally(new java.io.IOException("connection reset"));
        assertFalse(stream.isOpen());
        assertEquals(1, closedCallbacks.get());
        assertEquals(1, sink.writes.size(), "what waited behind the failed write is not attempted");
        assertTrue(sink.closed);
    }

    @Test
    void aStreamKnowsWhetherItIsOlderThanAMoment() {
        long before = System.nanoTime();
        EventStream stream = new EventStream(new SlowSink(), sse(), () -> { }, Runnable::run);
        assertFalse(stream.openedBefore(before));
        assertTrue(stream.openedBefore(System.nanoTime() + 1));
    }

    /** An Sse whose builders write down every call ("name(argument)", "build" at the end of each event). */
    static Sse recordingSse(List<String> calls) {
        OutboundSseEvent event = (OutboundSseEvent) Proxy.newProxyInstance(EventStreamTest.class.getClassLoader(),
                new Class<?>[] {OutboundSseEvent.class}, (proxy, method, args) -> null);
        Object[] builder = new Object[1];
        builder[0] = Proxy.newProxyInstance(EventStreamTest.class.getClassLoader(), new Class<?>[] {OutboundSseEvent.Builder.class},
                (proxy, method, args) -> {
                    calls.add(method.getName().equals("build") ? "build" : method.getName() + "(" + (args == null ? "" : args[0]) + ")");
                    return method.getName().equals("build") ? event : builder[0];
                });
        return (Sse) Proxy.newProxyInstance(EventStreamTest.class.getClassLoader(), new Class<?>[] {Sse.class},
                (proxy, method, args) -> method.getName().equals("newEventBuilder") ? builder[0] : null);
    }

    @Test
    void aStreamEndedBecauseTheServerStopsGivesAReconnectionTimeAfterWhatWasSent() {
        SlowSink sink = new SlowSink();
        List<String> calls = new ArrayList<>();
        AtomicInteger closedCallbacks = new AtomicInteger();
        EventStream stream = new EventStream(sink, recordingSse(calls), closedCallbacks::incrementAndGet, Runnable::run);
        stream.send("message", "7", "{\"result\":{}}");
        calls.clear();

        stream.end("the server is stopping", 1500);

        assertEquals(List.of("comment(the server is stopping)", "data()", "reconnectDelay(1500)", "build"), calls,
                "the retry time with empty data and no id, so the client resumes after the last event it got");
        assertFalse(stream.isOpen());
        assertEquals(1, closedCallbacks.get());
        assertEquals(1, sink.writes.size(), "the retry waits for the answer before it");
        sink.writes.get(0).complete(null);
        assertEquals(2, sink.writes.size());
        assertFalse(sink.closed, "the connection ends only once the retry time is written");
        sink.writes.get(1).complete(null);
        assertTrue(sink.closed);
        assertFalse(stream.send("message", "8", "{}"), "nothing is sent after the end");
    }
}
