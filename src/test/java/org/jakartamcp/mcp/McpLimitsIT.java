package org.jakartamcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one request and one user may cost on the MCP endpoints: each limit refuses with its status
 * and JSON-RPC error, and the next normal request is answered. The product WAR with small limits of
 * its own (each deployment keeps its own counters); the tests that count per user sign in as a
 * user of their own.
 */
@ExtendWith(ArquillianExtension.class)
class McpLimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "limits test password";
    private static final int LIMIT_REACHED = -32010;
    private static final int REQUESTS_PER_MINUTE = 20;

    @ArquillianResource
    @OperateOnDeployment("small-limits")
    URL smallLimits;

    @ArquillianResource
    @OperateOnDeployment("few-requests")
    URL fewRequests;

    private String server;
    private String base;

    @Deployment(name = "small-limits", testable = false)
    static WebArchive productWithSmallLimits() {
        return Deployments.product("mcp-limits.war", Map.of(
                        "mcp.max-batch-messages", "3",
                        "mcp.request-time-limit-seconds", "1",
                        "mcp.tool-time-limit-seconds", "30",
                        "mcp.max-concurrent-calls-per-user", "2",
                        "mcp.max-streams-per-user", "2",
                        "mcp.keep-alive-seconds", "1",
                        "mcp.max-client-capabilities-bytes", "1024",
                        "mcp.max-client-info-bytes", "256",
                        "mcp.max-subscriptions-per-session", "2"))
                .addClass(PausingTools.class);
    }

    /**
     * Its own deployment, so that its per-user buckets are not shared with the other tests' requests; the whole limit
     * on this instance (every deployment on the test server counts as an instance, and would take its share of it).
     */
    @Deployment(name = "few-requests", testable = false)
    static WebArchive productWithFewRequestsPerMinute() {
        return Deployments.product("few-mcp-requests.war", Map.of("mcp.rate-limit.requests-per-user", String.valueOf(REQUESTS_PER_MINUTE),
                "rate-limit.instances", "1"));
    }

    @BeforeEach
    void ready() {
        server = TestServer.awaitReady();
        base = smallLimits.toString().replaceAll("/$", "");
    }

    @Test
    void aBatchLargerThanTheLimitIsRefusedWholeBeforeAnyMessageRuns() {
        McpHttp mcp = new McpHttp(base + "/mcp");
        String session = mcp.initialize("2025-03-26");

        HttpResponse<String> refused = mcp.call(session, batch(IntStream.rangeClosed(1, 4).mapToObj(McpLimitsIT::ping).toArray(String[]::new)));
        assertError(refused, 400, -32600, "Invalid Request: a batch may hold at most 3 messages; this one has 4. Send it in parts");
        assertEquals(JsonValue.NULL, Http.json(refused).get("id"));

        HttpResponse<String> answered = mcp.call(session, batch(ping(1), ping(2), ping(3)));
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(3, Http.json("{\"a\":" + answered.body() + "}").getJsonArray("a").size());
    }

    @Test
    void onceABatchHasUsedItsTimeItsRemainingRequestsAreAnsweredWithAnErrorInsteadOfRun() {
        McpHttp mcp = new McpHttp(base + "/mcp");
        String session = mcp.initialize("2025-03-26");

        HttpResponse<String> response = mcp.call(session, batch(call(1, "pause", "{\"millis\":1500}"),
                call(2, "add", "{\"a\":1,\"b\":2}"), ping(3)));
        assertEquals(200, response.statusCode(), response.body());
        Map<Integer, JsonObject> byId = Http.json("{\"a\":" + response.body() + "}").getJsonArray("a").getValuesAs(JsonObject.class)
                .stream().collect(Collectors.toMap(answer -> answer.getInt("id"), answer -> answer));
        assertEquals("paused", text(byId.get(1)));
        for (int id : new int[] {2, 3}) {
            JsonObject error = byId.get(id).getJsonObject("error");
            assertEquals(LIMIT_REACHED, error.getInt("code"), byId.get(id).toString());
            assertEquals("Not run: the batch used up its time of 1 s before this request's turn; send it again", error.getString("message"));
        }

        assertEquals("3", text(mcp.result(session, call(4, "add", "{\"a\":1,\"b\":2}"))));
    }

    @Test
    void aUserWithAllTheirToolCallsRunningIsToldSoAtOnce() throws Exception {
        String user = newUser();
        McpHttp mcp = new McpHttp(base + "/mcp", token(user, "mcp"));
        String session = mcp.initialize("2025-11-25");
        // each call says when it runs (its first progress event), so the third is sent only once both run
        try (SseClient first = running(mcp, session, 11); SseClient second = running(mcp, session, 12)) {
            JsonObject refused = mcp.result(session, call(13, "add", "{\"a\":1,\"b\":2}"));
            long started = System.nanoTime();
            assertEquals(LIMIT_REACHED, refused.getJsonObject("error").getInt("code"), refused.toString());
            assertEquals("Too many tool calls at once: " + user + " already has 2 running, the most this server runs at once for one user;"
                    + " try again when one has finished", refused.getJsonObject("error").getString("message"));

            assertEquals("Request cancelled", cancel(mcp, session, 11, first).getJsonObject("error").getString("message"));
            assertEquals("Request cancelled", cancel(mcp, session, 12, second).getJsonObject("error").getString("message"));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "the calls ended by cancellation, not by time");
        }
        assertEquals("3", text(mcp.result(session, call(14, "add", "{\"a\":1,\"b\":2}"))));
    }

    /** A 25 s call on a stream of its own, returned once it runs (its first progress event has arrived). */
    private static SseClient running(McpHttp mcp, String session, int id) {
        SseClient call = new SseClient(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"pauseReporting\",\"arguments\":{\"millis\":25000},\"_meta\":{\"progressToken\":\"p" + id + "\"}}}")
                .header("Mcp-Session-Id", session).build());
        assertEquals(200, call.statusCode());
        JsonObject message = nextMessage(call);
        assertEquals("notifications/progress", message.getString("method"), "call " + id + " runs: " + message);
        return call;
    }

    /** Cancels a streamed call and returns its answer, from its stream. */
    private static JsonObject cancel(McpHttp mcp, String session, int id, SseClient running) {
        mcp.call(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + id + "}}");
        JsonObject message = nextMessage(running);
        while (!message.containsKey("id")) {
            message = nextMessage(running);
        }
        return message;
    }

    /** The next message on a stream, priming events skipped. */
    private static JsonObject nextMessage(SseClient stream) {
        SseClient.Event event = stream.next(WAIT);
        while (event.data().isEmpty()) {
            event = stream.next(WAIT);
        }
        return Http.json(event.data());
    }

    @Test
    void aUserWithAllTheirStreamsOpenIsRefusedUntilTheyCloseOne() throws Exception {
        String user = newUser();
        String token = token(user, "mcp");
        McpHttp mcp = new McpHttp(base + "/mcp", token);
        String first = mcp.initialize("2025-11-25");
        String second = mcp.initialize("2025-11-25");
        SseClient replaced = new SseClient(streamRequest(first, token));
        SseClient one = new SseClient(streamRequest(first, token));
        SseClient two = null;
        try {
            assertEquals(200, one.statusCode());
            // the session's stream opened again: the older connection is closed, and gives its place back
            while (replaced.nextOrNull(WAIT) != null) {
                // its priming event; then it must end (nextOrNull fails the test if it neither sends nor ends)
            }
            two = new SseClient(streamRequest(second, token));
            assertEquals(200, two.statusCode());

            HttpResponse<String> refused = refusedOrFail(streamRequest(first, token));
            String message = "Too many open streams: " + user + " already has 2 event streams open on this server; close one first";
            assertError(refused, 429, LIMIT_REACHED, message);
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null), "a dropped stream is noticed within a keep-alive");

            // a call answered on its own event stream is one more stream
            HttpResponse<String> streamedCall = mcp.call(first, call(21, "pauseReporting", "{\"millis\":10}"));
            assertError(streamedCall, 429, LIMIT_REACHED, message);

            one.close();
            SseClient again = Eventually.await("a stream opens once the client closed one", WAIT, () -> {
                SseClient attempt = new SseClient(streamRequest(first, token));
                if (attempt.statusCode() != 200) {
                    attempt.close();
                    throw new IllegalStateException("still refused: " + attempt.statusCode());
                }
                return attempt;
            }, attempt -> true);
            again.close();
        } finally {
            replaced.close();
            one.close();
            if (two != null) {
                two.close();
            }
        }
        assertEquals("3", text(mcp.result(first, call(22, "add", "{\"a\":1,\"b\":2}"))));
    }

    /** Streamable HTTP: disconnection is not cancellation (the spec); the call runs on and its result can be resumed. */
    @Test
    void aStreamedCallKeepsRunningWhenItsConnectionDropsAndItsResultCanBeResumed() {
        String token = token(newUser(), "mcp");
        McpHttp mcp = new McpHttp(base + "/mcp", token);
        String session = mcp.initialize("2025-11-25");
        String primingId;
        try (SseClient call = new SseClient(mcp.post(call(31, "pauseReporting", "{\"millis\":1500}")).header("Mcp-Session-Id", session).build())) {
            assertEquals(200, call.statusCode());
            primingId = call.next(WAIT).id();
        } // dropped while the call runs

        HttpRequest resume = HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).header("Last-Event-ID", primingId).header("Authorization", "Bearer " + token).GET().build();
        JsonObject result = null;
        try (SseClient resumed = new SseClient(resume)) {
            for (SseClient.Event event = resumed.nextOrNull(WAIT); event != null; event = resumed.nextOrNull(WAIT)) {
                if (!event.data().isEmpty() && Http.json(event.data()).containsKey("id")) {
                    result = Http.json(event.data());
                }
            }
        }
        assertTrue(result != null, "the resumed stream carried the call's answer");
        assertEquals(31, result.getInt("id"));
        assertEquals("paused", text(result), "the call ran to its end: " + result);
    }

    @Test
    void whenAnHttpSseStreamClosesTheCallsOfItsSessionAreCancelled() throws Exception {
        String user = newUser();
        String token = token(user, "sse");
        String messages;
        CompletableFuture<HttpResponse<String>> call;
        long closed;
        try (SseClient stream = new SseClient(HttpRequest.newBuilder(URI.create(base + "/sse")).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET().build())) {
            SseClient.Event endpoint = stream.next(WAIT);
            assertEquals("endpoint", endpoint.name());
            messages = server + endpoint.data();
            assertEquals(202, post(messages, token, McpHttp.initializeRequest(1, "2024-11-05")).statusCode());
            assertTrue(Http.json(stream.next(WAIT).data()).containsKey("result"));
            assertEquals(202, post(messages, token, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode());

            // the transport answers the POST once the call has ended; the call would run 60 s, its time limit is 30 s
            call = sendAsync(postRequest(messages, token, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"pauseReporting\",\"arguments\":{\"millis\":60000},\"_meta\":{\"progressToken\":\"p\"}}}"));
            JsonObject progress = Http.json(stream.next(WAIT).data());
            assertEquals("notifications/progress", progress.getString("method"), "the call is running");
            closed = System.nanoTime();
        }
        HttpResponse<String> ended = call.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(202, ended.statusCode());
        assertTrue(System.nanoTime() - closed < TimeUnit.SECONDS.toNanos(15), "cancelled, not stopped by its time limit");

        assertEquals(404, post(messages, token, ping(3)).statusCode(), "the session ended with its stream");
        try (SseClient stream = new SseClient(HttpRequest.newBuilder(URI.create(base + "/sse")).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).GET().build())) {
            assertEquals("endpoint", stream.next(WAIT).name());
        }
    }

    @Test
    void oversizedCapabilitiesOrClientInfoAreRefusedAndNoSessionIsKept() {
        McpHttp mcp = new McpHttp(base + "/mcp");
        HttpResponse<String> capabilities = mcp.send(mcp.post(initialize("{\"experimental\":{\"pad\":\"" + "x".repeat(2000) + "\"}}",
                "{\"name\":\"test\",\"version\":\"1\"}")));
        assertEquals(200, capabilities.statusCode());
        assertEquals(-32602, Http.json(capabilities).getJsonObject("error").getInt("code"));
        assertEquals("Invalid params: \"capabilities\" is larger than 1024 bytes, the most this server keeps for a session",
                Http.json(capabilities).getJsonObject("error").getString("message"));
        assertFalse(capabilities.headers().firstValue("Mcp-Session-Id").isPresent());

        HttpResponse<String> clientInfo = mcp.send(mcp.post(initialize("{}",
                "{\"name\":\"test\",\"version\":\"1\",\"description\":\"" + "y".repeat(300) + "\"}")));
        assertEquals("Invalid params: \"clientInfo\" is larger than 256 bytes, the most this server keeps for a session",
                Http.json(clientInfo).getJsonObject("error").getString("message"));
        assertFalse(clientInfo.headers().firstValue("Mcp-Session-Id").isPresent());

        String session = mcp.initialize("2025-11-25");
        assertEquals("3", text(mcp.result(session, call(2, "add", "{\"a\":1,\"b\":2}"))));
    }

    @Test
    void onlyResourcesOfThisServerCanBeFollowedAndOnlySoMany() {
        McpHttp mcp = new McpHttp(base + "/mcp");
        String session = mcp.initialize("2025-11-25");

        JsonObject unknown = mcp.result(session, subscribe(1, "nothing://here"));
        assertEquals(-32002, unknown.getJsonObject("error").getInt("code"), unknown.toString());
        assertEquals("nothing://here", unknown.getJsonObject("error").getJsonObject("data").getString("uri"));
        JsonObject tooLong = mcp.result(session, subscribe(2, "constants://pi/" + "1".repeat(3000)));
        assertEquals(-32602, tooLong.getJsonObject("error").getInt("code"), tooLong.toString());

        assertTrue(mcp.result(session, subscribe(3, "units://symbols")).containsKey("result"));
        assertTrue(mcp.result(session, subscribe(4, "history://recent")).containsKey("result"));
        JsonObject third = mcp.result(session, subscribe(5, "constants://pi/10"));
        assertEquals(-32602, third.getJsonObject("error").getInt("code"), third.toString());
        assertEquals("Invalid params: a session may follow at most 2 resources; unsubscribe from one first",
                third.getJsonObject("error").getString("message"));

        assertTrue(mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/unsubscribe\",\"params\":{\"uri\":\"units://symbols\"}}")
                .containsKey("result"));
        assertTrue(mcp.result(session, subscribe(7, "constants://pi/10")).containsKey("result"), "a template's resource can be followed");
    }

    @Test
    void pastItsRequestsPerMinuteAUserGets429WithRetryAfterOnEveryMcpEndpoint() {
        String few = fewRequests.toString().replaceAll("/$", "");
        String user = newUser();
        String sseToken = token(user, "sse");
        McpHttp mcp = new McpHttp(few + "/mcp", token(user, "mcp"));
        String session = mcp.initialize("2025-11-25");

        int answered = 2;
        HttpResponse<String> refused = null;
        while (refused == null && answered < REQUESTS_PER_MINUTE + 5) {
            HttpResponse<String> response = mcp.call(session, ping(answered));
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode(), response.body());
                answered++;
            }
        }
        assertTrue(answered >= REQUESTS_PER_MINUTE, "refused only past the limit, after " + answered);
        assertTrue(refused != null, "refused past the limit");
        assertError(refused, 429, LIMIT_REACHED, null);
        assertTrue(Http.json(refused).getJsonObject("error").getString("message")
                .startsWith("Too many requests: " + user + " reached this server's limit of requests per minute; try again in "), refused.body());
        assertEquals(JsonValue.NULL, Http.json(refused).get("id"), "refused before the body is read");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        HttpRequest openStream = HttpRequest.newBuilder(URI.create(few + "/sse")).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + sseToken).GET().build();
        assertError(refusedOrFail(openStream), 429, LIMIT_REACHED, null);
        assertError(post(few + "/sse/message?sessionId=any", sseToken, ping(1)), 429, LIMIT_REACHED, null);

        // another user is not held back, and the user gets through again once the bucket has refilled
        McpHttp other = new McpHttp(few + "/mcp", token(newUser(), "mcp"));
        assertEquals(200, other.send(other.post(McpHttp.initializeRequest(1, "2025-11-25"))).statusCode());
        Eventually.await("the user's requests are answered again", Duration.ofSeconds(retryAfter + 10),
                () -> mcp.call(session, ping(99)).statusCode(), status -> status == 200);
    }

    private String newUser() {
        return TestUsers.create("limits-" + System.nanoTime(), PASSWORD);
    }

    private String token(String user, String endpoint) {
        return new OAuthFlow(server).tokens(user, PASSWORD, server + "/" + endpoint).getString("access_token");
    }

    private HttpRequest streamRequest(String session, String token) {
        return HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).header("Authorization", "Bearer " + token).GET().build();
    }

    /** A request that must be refused at once: a stream opened instead fails the test rather than hanging it. */
    private static HttpResponse<String> refusedOrFail(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not refused: the server kept the response open (a stream)");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cancels a running call (again until it answers: a cancellation that arrives before the call runs is ignored). */
    private static HttpResponse<String> post(String url, String token, String body) {
        return Http.send(postRequest(url, token, body).build());
    }

    private static HttpRequest.Builder postRequest(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sent without taking a thread of the common pool (on two cores it has one, and the calls must run side by side). */
    private static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String message) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject error = Http.json(response).getJsonObject("error");
        assertEquals(code, error.getInt("code"), response.body());
        if (message != null) {
            assertEquals(message, error.getString("message"));
        }
        if (status == 429) {
            assertTrue(response.headers().firstValue("Retry-After").isPresent(), "429 says when to try again");
        }
    }

    private static String initialize(String capabilities, String clientInfo) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":"
                + capabilities + ",\"clientInfo\":" + clientInfo + "}}";
    }

    private static String batch(String... messages) {
        return "[" + String.join(",", messages) + "]";
    }

    private static String ping(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}";
    }

    private static String subscribe(int id, String uri) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"" + uri + "\"}}";
    }

    private static String text(JsonObject response) {
        JsonArray content = response.getJsonObject("result").getJsonArray("content");
        return content.getJsonObject(0).getString("text");
    }
}
