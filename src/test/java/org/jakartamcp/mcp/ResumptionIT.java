package org.jakartamcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A call that asks for progress is answered on an event stream; a client that drops that stream
 * reconnects with Last-Event-ID and gets every event after that one, exactly once.
 */
class ResumptionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static String mcpUrl;

    @BeforeAll
    static void ready() {
        mcpUrl = TestServer.awaitReady() + "/mcp";
    }

    @Test
    void aDroppedStreamResumesAfterTheLastEventWithoutLossOrRepetition() {
        McpHttp mcp = new McpHttp(mcpUrl);
        String session = mcp.initialize("2025-11-25");
        String primingId;
        try (SseClient call = new SseClient(mcp.post(ResumptionIT.addWithProgress(0.1, 0.2)).header("Mcp-Session-Id", session).build())) {
            assertEquals(200, call.statusCode());
            assertEquals("text/event-stream", call.response().headers().firstValue("Content-Type").orElse("").split(";")[0]);
            SseClient.Event priming = call.next(WAIT);
            assertEquals("", priming.data(), "the first event only gives an id to resume from");
            primingId = priming.id();
        } // dropped after the priming event, before reading the result

        List<SseClient.Event> resumed = resume(session, primingId);
        assertEquals(1, resumed.size(), "exactly the missed result: " + resumed);
        JsonObject result = Http.json(resumed.get(0).data());
        assertEquals(1, result.getInt("id"));
        assertEquals("0.3", result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        assertTrue(Long.parseLong(resumed.get(0).id()) > Long.parseLong(primingId));

        assertEquals(List.of(), resume(session, resumed.get(0).id()), "nothing after the last event, nothing repeated");
    }

    @Test
    void aLastEventIdOfAnotherSessionIsNotFound() {
        McpHttp mcp = new McpHttp(mcpUrl);
        String owner = mcp.initialize("2025-11-25");
        String primingId;
        try (SseClient call = new SseClient(mcp.post(addWithProgress(1, 2)).header("Mcp-Session-Id", owner).build())) {
            primingId = call.next(WAIT).id();
        }
        String stranger = mcp.initialize("2025-11-25");
        try (SseClient resumed = new SseClient(get(stranger, primingId))) {
            assertEquals(404, resumed.statusCode());
        }
    }

    static String addWithProgress(double a, double b) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{\"a\":" + a
                + ",\"b\":" + b + "},\"_meta\":{\"progressToken\":\"p1\"}}}";
    }

    private static List<SseClient.Event> resume(String session, String lastEventId) {
        List<SseClient.Event> events = new ArrayList<>();
        try (SseClient stream = new SseClient(get(session, lastEventId))) {
            assertEquals(200, stream.statusCode());
            SseClient.Event event;
            while ((event = stream.nextOrNull(WAIT)) != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static HttpRequest get(String session, String lastEventId) {
        return HttpRequest.newBuilder(URI.create(mcpUrl)).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).header("Last-Event-ID", lastEventId).GET().build();
    }
}
