package org.jakartamcp.mcp.transport;

import static org.jakartamcp.platform.json.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jakartamcp.mcp.session.EventLog;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.PlainEventLog;
import org.jakartamcp.mcp.session.PlainSessions;
import org.jakartamcp.mcp.session.StreamRef;
import org.junit.jupiter.api.Test;

/** Streams written by two instances over one event log, as a session's streams are behind a load balancer. */
class ResumableStreamTest {

    private final McpSession session = PlainSessions.store().create(McpSession.Transport.STREAMABLE_HTTP, "alice");
    private final PlainEventLog logA = new PlainEventLog();
    private final PlainEventLog logB = logA.sharingRows();

    /** What a client received: "id data" per event with data. */
    private final List<String> received = new ArrayList<>();

    @Test
    void theStandaloneStreamCarriesWhatAnyInstanceWritesEachOnceOnTheInstanceHoldingItsConnection() {
        ResumableStream onA = new ResumableStream(session, EventLog.STANDALONE_STREAM, logA, ended -> { });
        ResumableStream onB = new ResumableStream(session, EventLog.STANDALONE_STREAM, logB, ended -> { });
        onB.start(connection());

        onA.send(updated("a-1"));
        assertEquals(List.of(StreamRef.of(session, EventLog.STANDALONE_STREAM).subject()), logA.announced,
                "every event of a standalone stream is signalled: the connection may be on any instance");
        onB.send(updated("b-1"));
        assertEquals(List.of("3 " + updated("b-1")), received, "written here: sent at once");

        onB.catchUp(); // A's signal
        onB.catchUp(); // one more signal changes nothing
        onA.send(updated("a-2"));
        onB.catchUp();
        assertEquals(List.of("3 " + updated("b-1"), "2 " + updated("a-1"), "4 " + updated("a-2")), received,
                "each event once; what B wrote is not sent again when it reads A's");
    }

    @Test
    void aCallsStreamIsSignalledOnlyOnceAClientFollowsItElsewhere() {
        ResumableStream call = new ResumableStream(session, "post-1", logA, ended -> { });
        call.start(connection());
        call.send(updated("before"));
        assertEquals(List.of(), logA.announced, "nobody follows it: no signal on the hot path");

        call.followedElsewhere();
        call.send(updated("after"));
        String subject = StreamRef.of(session, "post-1").subject();
        assertEquals(List.of(subject, subject), logA.announced, "one signal at once (what the follower may have missed), then one per event");
    }

    private static JsonObject updated(String uri) {
        return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("method", "notifications/resources/updated")
                .add("params", JSON.createObjectBuilder().add("uri", uri)).build();
    }

    private EventStream connection() {
        SseEventSink sink = new SseEventSink() {
            @Override
            public boolean isClosed() {
                return false;
            }

            @Override
            public CompletionStage<?> send(OutboundSseEvent event) {
                if (event.getData() != null && !event.getData().toString().isEmpty()) {
                    received.add(event.getId() + " " + event.getData());
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
            }
        };
        return new EventStream(sink, recordingSse(), () -> { }, Runnable::run);
    }

    /** An Sse whose events keep their id and data. */
    private static Sse recordingSse() {
        ClassLoader loader = ResumableStreamTest.class.getClassLoader();
        return (Sse) Proxy.newProxyInstance(loader, new Class<?>[] {Sse.class}, (sse, method, args) -> {
            if (!method.getName().equals("newEventBuilder")) {
                return null;
            }
            Map<String, Object> fields = new HashMap<>();
            Object[] builder = new Object[1];
            builder[0] = Proxy.newProxyInstance(loader, new Class<?>[] {OutboundSseEvent.Builder.class}, (self, call, values) -> {
                if (call.getName().equals("build")) {
                    return Proxy.newProxyInstance(loader, new Class<?>[] {OutboundSseEvent.class}, (event, get, none) ->
                            switch (get.getName()) {
                                case "getId" -> fields.get("id");
                                case "getData" -> fields.get("data");
                                default -> null;
                            });
                }
                if (values != null && values.length == 1) {
                    fields.put(call.getName(), values[0]);
                }
                return builder[0];
            });
            return builder[0];
        });
    }
}
