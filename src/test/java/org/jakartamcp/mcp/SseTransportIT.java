package org.jakartamcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP+SSE transport (2024-11-05) at /sse, spoken by hand. */
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
    void postingToTheStreamUrlSaysMethodNotAllowedSoClientsFallBack() {
        HttpResponse<String> response = post(server + "/sse", McpHttp.initializeRequest(1, "2025-06-18"));
        assertEquals(405, response.statusCode());
        assertEquals("GET", response.headers().firstValue("Allow").orElseThrow());
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
