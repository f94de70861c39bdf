package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Calculations land in the user's history resource, and subscribers hear of it on their stream. */
class CalculationHistoryIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aCalculationAppearsInTheHistoryAndSubscribersAreNotified() {
        String mcpUrl = TestServer.awaitReady() + "/mcp";
        McpHttp mcp = new McpHttp(mcpUrl);
        String session = mcp.initialize("2025-11-25");
        try (SseClient stream = new SseClient(HttpRequest.newBuilder(URI.create(mcpUrl)).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).GET().build())) {
            assertEquals(200, stream.statusCode());
            mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"history://recent\"}}");

            String marker = "0." + UUID.randomUUID().toString().replaceAll("[^0-9]", "1").substring(0, 12);
            mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                    + "\"arguments\":{\"a\":" + marker + ",\"b\":1}}}");

            SseClient.Event notice = Eventually.await("notifications/resources/updated", WAIT, () -> stream.next(WAIT),
                    event -> event.data().contains("notifications/resources/updated"));
            assertEquals("history://recent", Http.json(notice.data()).getJsonObject("params").getString("uri"));

            // Every test here calls as the same (anonymous) user, so other calculations may come first.
            JsonObject ours = Eventually.await("our calculation in the history", WAIT, () -> history(mcp, session).stream()
                            .map(JsonObject.class::cast).filter(entry -> entry.getString("arguments").contains(marker)).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            assertEquals("add", ours.getString("tool"));
            assertEquals(new java.math.BigDecimal(marker).add(java.math.BigDecimal.ONE).stripTrailingZeros().toPlainString(),
                    ours.getString("result"));
        }
    }

    /** A subscriber that ended its session must not break the notices, nor the writes, for everyone else. */
    @Test
    void anEndedSubscriberDoesNotStopTheHistory() {
        String mcpUrl = TestServer.awaitReady() + "/mcp";
        McpHttp mcp = new McpHttp(mcpUrl);
        String gone = mcp.initialize("2025-11-25");
        mcp.result(gone, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"history://recent\"}}");
        assertEquals(204, Http.send(HttpRequest.newBuilder(URI.create(mcpUrl)).DELETE().header("Mcp-Session-Id", gone).build()).statusCode());

        String session = mcp.initialize("2025-11-25");
        for (int round = 0; round < 2; round++) {
            String marker = "0." + UUID.randomUUID().toString().replaceAll("[^0-9]", "7").substring(0, 12);
            mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                    + "\"arguments\":{\"a\":" + marker + ",\"b\":1}}}");
            Eventually.await("calculation " + marker + " in the history", WAIT, () -> history(mcp, session).toString(),
                    text -> text.contains(marker));
        }
    }

    private static JsonArray history(McpHttp mcp, String session) {
        String text = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/read\","
                + "\"params\":{\"uri\":\"history://recent\"}}").getJsonObject("result").getJsonArray("contents")
                .getJsonObject(0).getString("text");
        return Http.json("{\"history\":" + text + "}").getJsonArray("history");
    }
}
