package org.jakartamcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jakartamcp.conformance.StreamFixtures;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 2026-07-28 event streams over real HTTP: a tool call's progress and log messages on its own stream
 * before its result (log messages only when the request asks for them), closing that stream cancels
 * the call, and subscriptions/listen acknowledges its filter and then carries what it names.
 */
@ExtendWith(ArquillianExtension.class)
class StatelessStreamsIT {

    private static final String VERSION = "2026-07-28";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ArquillianResource
    URL deployment;

    private String url;
    private McpHttp mcp;

    @Deployment(testable = false)
    static WebArchive productWithStreamFixtures() {
        return Deployments.product("stateless-streams.war", Map.of(
                        "mcp.max-listens-per-user", "2",
                        "mcp.max-concurrent-calls-per-user", "1",
                        "mcp.keep-alive-seconds", "1"))
                .addClasses(StreamFixtures.class, PausingTools.class);
    }

    @BeforeEach
    void ready() {
        TestServer.awaitReady();
        url = deployment.toString().replaceAll("/$", "") + "/mcp";
        mcp = new McpHttp(url);
    }

    @Test
    void progressAndLogMessagesArriveOnTheCallsOwnStreamBeforeItsResult() {
        String call = request(7, "tools/call", "\"name\":\"test_streaming_elicitation\",\"arguments\":{}",
                "\"progressToken\":\"p-1\",\"io.modelcontextprotocol/logLevel\":\"info\"");
        try (SseClient stream = new SseClient(post("tools/call", "test_streaming_elicitation", call))) {
            assertEquals(200, stream.statusCode());
            assertTrue(stream.response().headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            List<JsonObject> messages = all(stream);
            assertEquals(3, messages.size(), messages.toString());
            JsonObject progress = messages.get(0);
            assertEquals("notifications/progress", progress.getString("method"));
            assertEquals("p-1", progress.getJsonObject("params").getString("progressToken"));
            assertEquals(50, progress.getJsonObject("params").getInt("progress"));
            JsonObject log = messages.get(1);
            assertEquals("notifications/message", log.getString("method"));
            assertEquals("info", log.getJsonObject("params").getString("level"));
            JsonObject result = messages.get(2);
            assertEquals(7, result.getInt("id"));
            assertEquals("complete", result.getJsonObject("result").getString("resultType"));
            assertEquals("Streaming complete", result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        }
    }

    @Test
    void logMessagesComeOnlyWhenTheRequestAsksForThemAndFromItsLevelUp() {
        // without a logLevel there is nothing to send before the result: one JSON document
        HttpResponse<String> quiet = mcp.send(post("tools/call", "test_logging_tool", mcp,
                request(1, "tools/call", "\"name\":\"test_logging_tool\",\"arguments\":{}", "")));
        assertEquals(200, quiet.statusCode(), quiet.body());
        assertTrue(quiet.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), quiet.body());
        assertEquals("Logging evaluated", Http.json(quiet).getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        try (SseClient stream = new SseClient(post("tools/call", "test_logging_tool",
                request(2, "tools/call", "\"name\":\"test_logging_tool\",\"arguments\":{}", "\"io.modelcontextprotocol/logLevel\":\"info\"")))) {
            List<JsonObject> messages = all(stream);
            assertEquals(List.of("notifications/message", "result"), kinds(messages), "info, not debug: " + messages);
        }
    }

    @Test
    void aLogLevelThatIsNoLevelIsRefused() {
        HttpResponse<String> refused = mcp.send(post("tools/call", "test_logging_tool", mcp,
                request(3, "tools/call", "\"name\":\"test_logging_tool\",\"arguments\":{}", "\"io.modelcontextprotocol/logLevel\":\"loud\"")));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(-32602, Http.json(refused).getJsonObject("error").getInt("code"));
        assertTrue(Http.json(refused).getJsonObject("error").getString("message").contains("logLevel"), refused.body());

        HttpResponse<String> answered = mcp.send(post("tools/call", "add", mcp,
                request(4, "tools/call", "\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":40}", "")));
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals("42", Http.json(answered).getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void closingACallsStreamCancelsTheCall() {
        SseClient stream = new SseClient(post("tools/call", "pauseReporting",
                request(5, "tools/call", "\"name\":\"pauseReporting\",\"arguments\":{\"millis\":60000}", "\"progressToken\":5")));
        assertEquals("notifications/progress", Http.json(stream.next(WAIT).data()).getString("method"));
        stream.close();
        // one call at a time per user here: the next one runs once the closed stream's call has stopped
        String add = request(6, "tools/call", "\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":1}", "");
        HttpResponse<String> answered = Eventually.await("the cancelled call to stop", WAIT,
                () -> mcp.send(post("tools/call", "add", mcp, add)), response -> !response.body().contains("-32010"));
        assertEquals("2", Http.json(answered).getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void discoveryAdvertisesListChangesAndSubscriptions() {
        JsonObject capabilities = Http.json(mcp.send(post("server/discover", null, mcp, request(1, "server/discover", "", ""))))
                .getJsonObject("result").getJsonObject("capabilities");
        assertTrue(capabilities.getJsonObject("tools").getBoolean("listChanged"));
        assertTrue(capabilities.getJsonObject("prompts").getBoolean("listChanged"));
        assertTrue(capabilities.getJsonObject("resources").getBoolean("listChanged"));
        assertTrue(capabilities.getJsonObject("resources").getBoolean("subscribe"));
    }

    @Test
    void aListenIsAcknowledgedThenCarriesWhatItsFilterNames() {
        String listen = request(41, "subscriptions/listen", "\"notifications\":{\"toolsListChanged\":true,"
                + "\"resourceSubscriptions\":[\"history://recent\",\"nothing://here\"]}", "");
        try (SseClient stream = new SseClient(post("subscriptions/listen", null, listen))) {
            assertEquals(200, stream.statusCode());
            JsonObject ack = Http.json(stream.next(WAIT).data());
            assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"));
            assertEquals(41, ack.getJsonObject("params").getJsonObject("_meta").getInt("io.modelcontextprotocol/subscriptionId"));
            assertEquals(Http.json("{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"history://recent\"]}"),
                    ack.getJsonObject("params").getJsonObject("notifications"), "unknown resources are left out");

            callTool("test_trigger_prompt_change", "{}");
            callTool("test_trigger_tool_change", "{}");
            // updates of the history from other tests' calls may come in between; a prompts change must not
            JsonObject toolsChanged = Http.json(stream.next(WAIT).data());
            while (toolsChanged.getString("method").equals("notifications/resources/updated")) {
                toolsChanged = Http.json(stream.next(WAIT).data());
            }
            assertEquals("notifications/tools/list_changed", toolsChanged.getString("method"), "no prompts change: not asked for");
            assertEquals(41, toolsChanged.getJsonObject("params").getJsonObject("_meta").getInt("io.modelcontextprotocol/subscriptionId"));

            callTool("add", "{\"a\":1,\"b\":2}");
            JsonObject updated = Http.json(stream.next(WAIT).data());
            assertEquals("notifications/resources/updated", updated.getString("method"));
            assertEquals("history://recent", updated.getJsonObject("params").getString("uri"));
            assertEquals(41, updated.getJsonObject("params").getJsonObject("_meta").getInt("io.modelcontextprotocol/subscriptionId"));
        }
    }

    @Test
    void aListenWithoutAFilterIsRefusedAndANewListenBeyondTheUsersLimitEndsTheirOldest() {
        HttpResponse<String> refused = mcp.send(post("subscriptions/listen", null, mcp, request(9, "subscriptions/listen", "", "")));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(-32602, Http.json(refused).getJsonObject("error").getInt("code"));
        assertEquals(9, Http.json(refused).getInt("id"));

        // a listen that does not accept an event stream is told so, not that the method does not exist (404)
        HttpResponse<String> noStream = mcp.send(post("subscriptions/listen", null, mcp,
                request(8, "subscriptions/listen", "\"notifications\":{\"toolsListChanged\":true}", "")).setHeader("Accept", "*/*"));
        assertEquals(-32600, Http.json(noStream).getJsonObject("error").getInt("code"), noStream.body());
        assertEquals(8, Http.json(noStream).getInt("id"));
        assertTrue(noStream.statusCode() != 404, noStream.statusCode() + " " + noStream.body());

        // with a limit of 2, each listen ends the user's oldest: first the ones other tests left behind, then the first here
        String listen = request(10, "subscriptions/listen", "\"notifications\":{\"promptsListChanged\":true}", "");
        try (SseClient first = listening(listen); SseClient second = listening(listen); SseClient third = listening(listen)) {
            JsonObject closing = Http.json(first.next(WAIT).data());
            while (closing.containsKey("method")) {
                closing = Http.json(first.next(WAIT).data());
            }
            assertEquals(10, closing.getInt("id"), "a response to the listen request ends the subscription gracefully");
            assertEquals("complete", closing.getJsonObject("result").getString("resultType"));
            assertNull(first.nextOrNull(WAIT), "and its stream ends");

            callTool("test_trigger_prompt_change", "{}");
            for (SseClient open : List.of(second, third)) {
                assertEquals("notifications/prompts/list_changed", Http.json(open.next(WAIT).data()).getString("method"),
                        "the newer listens still hear");
            }
        }
    }

    /** An acknowledged listen, once the user has a place for one. */
    private SseClient listening(String listen) {
        return Eventually.await("a listen place", WAIT, () -> {
            SseClient stream = new SseClient(post("subscriptions/listen", null, listen));
            if (stream.statusCode() != 200) {
                stream.close();
                return null;
            }
            assertEquals("notifications/subscriptions/acknowledged", Http.json(stream.next(WAIT).data()).getString("method"));
            return stream;
        }, java.util.Objects::nonNull);
    }

    private void callTool(String name, String arguments) {
        HttpResponse<String> response = mcp.send(post("tools/call", name, mcp,
                request(99, "tools/call", "\"name\":\"" + name + "\",\"arguments\":" + arguments, "")));
        assertEquals(200, response.statusCode(), response.body());
    }

    private static List<JsonObject> all(SseClient stream) {
        List<JsonObject> messages = new ArrayList<>();
        for (SseClient.Event event = stream.nextOrNull(WAIT); event != null; event = stream.nextOrNull(WAIT)) {
            messages.add(Http.json(event.data()));
        }
        return messages;
    }

    private static List<String> kinds(List<JsonObject> messages) {
        return messages.stream().map(message -> message.containsKey("method") ? message.getString("method") : "result").toList();
    }

    private HttpRequest post(String method, String name, String body) {
        return post(method, name, mcp, body).build();
    }

    private static HttpRequest.Builder post(String method, String name, McpHttp mcp, String body) {
        HttpRequest.Builder post = mcp.post(body).header("MCP-Protocol-Version", VERSION).header("Mcp-Method", method);
        if (name != null) {
            post.header("Mcp-Name", name);
        }
        return post;
    }

    /** A 2026-07-28 request: the given params plus {@code _meta} with the version, capabilities and any extra entries. */
    private static String request(int id, String method, String params, String extraMeta) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + VERSION + "\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}" + (extraMeta.isEmpty() ? "" : "," + extraMeta) + "}";
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":{"
                + (params.isEmpty() ? "" : params + ",") + meta + "}}";
    }
}
