package org.jakartamcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /sse, the quick-start URL, spoken by hand: a GET without a session opens the HTTP+SSE transport
 * (2024-11-05), which speaks the legacy protocol only; a POST is Streamable HTTP, as at /mcp, with
 * sessions (initialize) or stateless (2026-07-28).
 */
class SseTransportIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static String server;

    @BeforeAll
    static void ready() {
        server = TestServer.awaitReady();
    }

    @Test
    void theStreamNamesTheMessageEndpointAndCarriesTheAnswers() {
        try (SseClient stream = SseClient.open(server + "/sse")) {
            assertEquals(200, stream.statusCode());
            SseClient.Event endpoint = stream.next(WAIT);
            assertEquals("endpoint", endpoint.name());
            assertTrue(endpoint.data().startsWith("/sse/message?sessionId="), endpoint.data());
            String messages = server + endpoint.data();

            assertEquals(202, post(messages, StreamableHttpIT.call("add", "{\"a\":1,\"b\":2}")).statusCode());
            JsonObject refused = event(stream);
            assertEquals(-32600, refused.getJsonObject("error").getInt("code"), "a tool call before initialize is refused");

            assertEquals(202, post(messages, McpHttp.initializeRequest(2, "2024-11-05")).statusCode());
            assertEquals("2024-11-05", event(stream).getJsonObject("result").getString("protocolVersion"));

            assertEquals(202, post(messages, StreamableHttpIT.call("add", "{\"a\":2,\"b\":40}")).statusCode());
            assertEquals("42", event(stream).getJsonObject("result").getJsonArray("content")
                    .getJsonObject(0).getString("text"));
        }
    }

    @Test
    void anUnknownSessionIsNotFound() {
        HttpResponse<String> response = post(server + "/sse/message?sessionId=nope", McpHttp.initializeRequest(1, "2024-11-05"));
        assertEquals(404, response.statusCode());
        assertEquals(-32600, Http.json(response).getJsonObject("error").getInt("code"));
    }

    @Test
    void theHttpSseTransportNeverOffers2026SoAutoClientsFallBackToInitialize() {
        try (SseClient stream = SseClient.open(server + "/sse")) {
            String messages = server + stream.next(WAIT).data();

            assertEquals(202, post(messages, McpHttp.statelessRequest(1, "server/discover", JsonValue.EMPTY_JSON_OBJECT, JsonValue.EMPTY_JSON_OBJECT).toString()).statusCode());
            JsonObject error = event(stream).getJsonObject("error");
            assertEquals(-32022, error.getInt("code"), error.toString());
            assertEquals(McpHttp.STATELESS_VERSION, error.getJsonObject("data").getString("requested"));
            List<String> supported = error.getJsonObject("data").getJsonArray("supported").getValuesAs(JsonString::getString);
            assertEquals(List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"), supported);

            assertEquals(202, post(messages, McpHttp.statelessRequest(2, "tools/list", JsonValue.EMPTY_JSON_OBJECT, JsonValue.EMPTY_JSON_OBJECT).toString()).statusCode());
            assertEquals(-32022, event(stream).getJsonObject("error").getInt("code"), "any request in the 2026-07-28 envelope");

            assertEquals(202, post(messages, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"server/discover\",\"params\":{}}").statusCode());
            assertEquals(-32601, event(stream).getJsonObject("error").getInt("code"), "server/discover is not a legacy method");

            assertEquals(202, post(messages, McpHttp.initializeRequest(4, "2025-11-25")).statusCode());
            assertEquals("2025-11-25", event(stream).getJsonObject("result").getString("protocolVersion"));
            assertEquals(202, post(messages, StreamableHttpIT.call("add", "{\"a\":2,\"b\":40}")).statusCode());
            assertEquals("42", event(stream).getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        }
    }

    @Test
    void postingToTheStreamUrlIsStreamableHttpWithSessions() {
        McpHttp sse = new McpHttp(server + "/sse");
        String session = sse.initialize("2025-11-25");
        JsonObject sum = sse.result(session, StreamableHttpIT.call("add", "{\"a\":2,\"b\":40}"));
        assertEquals("42", sum.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));

        try (SseClient serverStream = new SseClient(HttpRequest.newBuilder(URI.create(server + "/sse"))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session).GET().build())) {
            assertEquals(200, serverStream.statusCode());
            assertEquals(List.of("text/event-stream"), serverStream.response().headers().allValues("Content-Type"));
            SseClient.Event priming = serverStream.next(WAIT);
            assertNotEquals("endpoint", priming.name(), "a GET with a session is the session's own stream, not a new HTTP+SSE session");
            assertNotNull(priming.id(), "Streamable HTTP primes its streams with an event id to resume from");
        }

        HttpResponse<String> deleted = Http.send(HttpRequest.newBuilder(URI.create(server + "/sse")).header("Mcp-Session-Id", session)
                .DELETE().build());
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, sse.call(session, StreamableHttpIT.call("add", "{\"a\":1,\"b\":1}")).statusCode());
    }

    @Test
    void postingToTheStreamUrlWith2026MetaIsStateless() {
        McpHttp sse = new McpHttp(server + "/sse");
        HttpResponse<String> discovered = sse.stateless("server/discover", null, JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, discovered.statusCode(), discovered.body());
        assertTrue(discovered.headers().firstValue("Mcp-Session-Id").isEmpty(), "no session in 2026-07-28");
        assertTrue(Http.json(discovered).getJsonObject("result").getJsonArray("supportedVersions").contains(Json.createValue(McpHttp.STATELESS_VERSION)),
                discovered.body());

        HttpResponse<String> stream = Http.send(HttpRequest.newBuilder(URI.create(server + "/sse")).header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", McpHttp.STATELESS_VERSION).GET().build());
        assertEquals(405, stream.statusCode(), "2026-07-28 has no server stream, at /sse as at /mcp: " + stream.body());

        HttpResponse<String> sum = sse.stateless("tools/call", "add", Http.json("{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":40}}"));
        assertEquals(200, sum.statusCode(), sum.body());
        assertEquals("42", Http.json(sum).getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
    }

    private static JsonObject event(SseClient stream) {
        SseClient.Event event = stream.next(WAIT);
        assertEquals("message", event.name());
        return Http.json(event.data());
    }

    private static HttpResponse<String> post(String url, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
