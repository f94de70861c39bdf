package org.jakartamcp.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jakartamcp.conformance.ConformanceTools;
import org.jakartamcp.mcp.PausingTools;
import org.jakartamcp.platform.security.SecretHash;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestDatabase;
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
 * Two deployments of the product on one server and one database behave as two instances: each keeps
 * its own caches and streams, and only the signals between them (their periodic checks are set to an hour
 * here) can make a change on one take effect on the other within seconds, or carry an HTTP+SSE message
 * POSTed to one to the stream held by the other.
 */
@ExtendWith({TestServer.Ready.class, ArquillianExtension.class})
class SignalsBetweenInstancesIT {

    private static final int FREE_SIGN_IN_FAILURES = 3;

    /** Besides the hourly checks, few free sign-in failures per account and address, then a minute's wait. */
    private static final Map<String, String> HOURLY_CHECKS = Map.of("mcp.session-check-seconds", "3600",
            "oauth.revoked-grants-refresh-seconds", "3600", "mcp.resumed-stream-check-seconds", "3600",
            "oauth.sign-in.failures-per-pair", String.valueOf(FREE_SIGN_IN_FAILURES), "oauth.sign-in.first-delay-seconds", "60");
    private static final Duration SOON = Duration.ofSeconds(5);
    /** Longer than the gaps between the events of a running call (0.4 s), far shorter than the call's time limit. */
    private static final Duration WHILE_IT_RUNS = Duration.ofSeconds(10);
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    private static final String SUBSCRIBE_TO_HISTORY = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/subscribe\","
            + "\"params\":{\"uri\":\"history://recent\"}}";
    /** A calculation: it updates the caller's history://recent. */
    private static final String ADD = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":40}}}";

    @ArquillianResource
    @OperateOnDeployment("instance-a")
    URL instanceA;

    @ArquillianResource
    @OperateOnDeployment("instance-b")
    URL instanceB;

    private String a;
    private String b;

    @Deployment(name = "instance-a", testable = false)
    static WebArchive instanceA() {
        return instance("instance-a.war");
    }

    @Deployment(name = "instance-b", testable = false)
    static WebArchive instanceB() {
        return instance("instance-b.war");
    }

    /** The product with tools that run long and that ask the client. */
    private static WebArchive instance(String name) {
        return Deployments.product(name, HOURLY_CHECKS).addClasses(PausingTools.class, ConformanceTools.class, ConformanceTools.Address.class)
                .addClass("org.jakartamcp.conformance.Media").addClass("org.jakartamcp.conformance.Schemas");
    }

    @BeforeEach
    void ready() {
        TestServer.awaitReady();
        a = instanceA.toString().replaceAll("/$", "");
        b = instanceB.toString().replaceAll("/$", "");
    }

    @Test
    void aSessionDeletedThroughOneInstanceIsGoneOnTheOther() {
        String session = new McpHttp(a + "/mcp").initialize("2025-11-25");
        McpHttp throughB = new McpHttp(b + "/mcp");
        assertEquals(200, throughB.call(session, LIST).statusCode(), "the other instance serves the session, and now holds it");

        HttpResponse<String> deleted = Http.send(HttpRequest.newBuilder(URI.create(a + "/mcp")).DELETE()
                .header("Mcp-Session-Id", session).build());
        assertEquals(204, deleted.statusCode(), deleted.body());

        HttpResponse<String> gone = Eventually.await("404 on the other instance", SOON, () -> throughB.call(session, LIST),
                response -> response.statusCode() != 200);
        assertEquals(404, gone.statusCode(), gone.body());
        assertEquals(404, new McpHttp(a + "/mcp").call(session, LIST).statusCode());
    }

    /** Instances share the issuer (the test server's base URL), so a token from the test server's own flow is good on both. */
    @Test
    void aGrantRevokedThroughOneInstanceIsRefusedOnTheOther() {
        JsonObject tokens = new OAuthFlow(TestServer.awaitReady()).tokens();
        JsonObject claims = OAuthFlow.claims(tokens.getString("access_token"));
        McpHttp throughB = new McpHttp(b + "/mcp", tokens.getString("access_token"));
        String session = throughB.initialize("2025-11-25");

        assertEquals(200, new OAuthFlow(a).revoke(tokens.getString("refresh_token"), claims.getString("client_id")).statusCode());

        HttpResponse<String> refused = Eventually.await("401 on the other instance", SOON, () -> throughB.call(session, LIST),
                response -> response.statusCode() != 200);
        assertEquals(401, refused.statusCode(), refused.body());
    }

    /** The stream on one instance, the POSTs through the other (a load balancer without sticky sessions): answered on the stream. */
    @Test
    void anHttpSseSessionsMessagesPostedToTheOtherInstanceAreAnsweredOnItsStream() {
        String throughB;
        try (SseClient stream = SseClient.open(a + "/sse")) {
            assertEquals(200, stream.statusCode());
            SseClient.Event endpoint = stream.next(SOON);
            assertEquals("endpoint", endpoint.name());
            throughB = b + endpoint.data().substring(endpoint.data().indexOf("/sse/message"));

            assertEquals(202, post(throughB, McpHttp.initializeRequest(1, "2024-11-05")).statusCode());
            assertEquals("2024-11-05", message(stream).getJsonObject("result").getString("protocolVersion"));
            assertEquals(202, post(throughB, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode());
            assertEquals(202, post(throughB, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":40}}}").statusCode());
            JsonObject sum = message(stream);
            assertEquals(2, sum.getInt("id"), sum.toString());
            assertEquals("42", sum.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        }
        // the stream closed: its session ended on A, and B, told so, relays nothing more
        HttpResponse<String> gone = Eventually.await("404 on the other instance", SOON,
                () -> post(throughB, McpHttp.initializeRequest(3, "2024-11-05")), response -> response.statusCode() != 202);
        assertEquals(404, gone.statusCode(), gone.body());
    }

    /**
     * The session's row deleted with no signal (as if it was lost): the other instance still holds the session in its
     * cache and relays, but the relay finds no session and the client gets 404, not a foreign key violation's 500.
     */
    @Test
    void aMessageRelayedForASessionWhoseRowIsGoneIsNotFound() throws SQLException {
        try (SseClient stream = SseClient.open(a + "/sse")) {
            String endpoint = stream.next(SOON).data();
            String throughB = b + endpoint.substring(endpoint.indexOf("/sse/message"));
            assertEquals(202, post(throughB, McpHttp.initializeRequest(1, "2024-11-05")).statusCode());
            message(stream);

            String sessionId = endpoint.substring(endpoint.indexOf("sessionId=") + "sessionId=".length());
            try (Connection db = TestDatabase.shared().connect();
                 PreparedStatement delete = db.prepareStatement("delete from mcp_session where id_hash = ?")) {
                delete.setString(1, SecretHash.of(sessionId));
                assertEquals(1, delete.executeUpdate());
            }
            HttpResponse<String> gone = post(throughB, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
            assertEquals(404, gone.statusCode(), gone.body());
            assertEquals("Session not found: open a new one with GET /sse",
                    Http.json(gone.body()).getJsonObject("error").getString("message"));
        }
    }

    /** The sign-in limits count on the database, not per instance: a guesser alternating between them gets no more guesses. */
    @Test
    void failedSignInsAlternatingBetweenTheInstancesReachTheLimitAtTheConfiguredNumber() {
        String user = TestUsers.create("guessed-on-both-" + System.nanoTime(), "the right password");
        OAuthFlow throughA = new OAuthFlow(a);
        OAuthFlow throughB = new OAuthFlow(b);
        HttpResponse<String> pageA = throughA.open(a + "/login.xhtml");
        HttpResponse<String> pageB = throughB.open(b + "/login.xhtml");
        for (int i = 0; i < FREE_SIGN_IN_FAILURES; i++) {
            if (i % 2 == 0) {
                pageA = throughA.signIn(pageA, user, "wrong " + i);
                assertTrue(pageA.body().contains("Wrong username or password."), "failure " + i + " on A: " + pageA.body());
            } else {
                pageB = throughB.signIn(pageB, user, "wrong " + i);
                assertTrue(pageB.body().contains("Wrong username or password."), "failure " + i + " on B: " + pageB.body());
            }
        }

        // B has seen one failure, A two: counted per instance, either would let this one through
        for (HttpResponse<String> limited : List.of(throughB.signIn(pageB, user, "the right password"),
                throughA.signIn(pageA, user, "the right password"))) {
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow(), "the first wait after the free failures");
            assertTrue(limited.body().contains("Too many sign-in attempts. Try again in 60 s."), limited.body());
        }

        String other = TestUsers.create("signs-in-on-both-" + System.nanoTime(), "another password");
        for (String instance : List.of(a, b)) {
            OAuthFlow browser = new OAuthFlow(instance);
            HttpResponse<String> page = browser.follow(browser.signIn(browser.open(instance + "/login.xhtml"), other, "another password"));
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.uri().getPath().endsWith("/account.xhtml"), "another account signs in as usual: " + page.uri());
        }
    }

    /**
     * A Streamable HTTP session subscribes through A; its event stream and the change (a calculation, which updates the
     * caller's history resource) are on B: B finds the subscription with the session, not in A's memory.
     */
    @Test
    void aSubscriptionMadeThroughOneInstanceHearsOfAChangeCausedOnTheOther() {
        String session = new McpHttp(a + "/mcp").initialize("2025-11-25");
        new McpHttp(a + "/mcp").result(session, SUBSCRIBE_TO_HISTORY);
        McpHttp throughB = new McpHttp(b + "/mcp");
        try (SseClient stream = new SseClient(HttpRequest.newBuilder(URI.create(b + "/mcp")).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).GET().build())) {
            assertEquals(200, stream.statusCode());
            throughB.result(session, ADD);
            SseClient.Event notice = Eventually.await("notifications/resources/updated on B", SOON, () -> stream.next(SOON),
                    event -> event.data().contains("notifications/resources/updated"));
            assertEquals("history://recent", Http.json(notice.data()).getJsonObject("params").getString("uri"));
        }
        assertEquals(200, throughB.call(session, LIST).statusCode(), "the session goes on through either instance");
    }

    /** An HTTP+SSE session follows the resource where its stream is (A); the change on B reaches it through a signal. */
    @Test
    void anHttpSseSubscriptionHearsOfAChangeCausedOnTheOtherInstance() {
        try (SseClient stream = SseClient.open(a + "/sse")) {
            assertEquals(200, stream.statusCode());
            SseClient.Event endpoint = stream.next(SOON);
            String messages = a + endpoint.data().substring(endpoint.data().indexOf("/sse/message"));
            assertEquals(202, post(messages, McpHttp.initializeRequest(1, "2024-11-05")).statusCode());
            message(stream);
            assertEquals(202, post(messages, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode());
            assertEquals(202, post(messages, SUBSCRIBE_TO_HISTORY).statusCode());
            assertEquals(2, message(stream).getInt("id"), "subscribed");

            McpHttp throughB = new McpHttp(b + "/mcp");
            throughB.result(throughB.initialize("2025-11-25"), ADD);
            SseClient.Event notice = Eventually.await("notifications/resources/updated on A's stream", SOON, () -> stream.next(SOON),
                    event -> event.data().contains("notifications/resources/updated"));
            assertEquals("history://recent", Http.json(notice.data()).getJsonObject("params").getString("uri"));
        }
    }

    /**
     * A streamed call runs on A; its connection drops after the first progress event; the client resumes through B,
     * which A keeps writing nothing to: B replays what A stored, then carries what A stores next, each event once, and
     * ends after the result.
     */
    @Test
    void aCallsStreamResumedOnTheOtherInstanceContinuesUntilItsResultWithEveryEventOnce() {
        McpHttp throughA = new McpHttp(a + "/mcp");
        String session = throughA.initialize("2025-11-25");
        String lastSeen;
        try (SseClient call = new SseClient(throughA.post("{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"reportEvery\",\"arguments\":{\"count\":6,\"millis\":400},\"_meta\":{\"progressToken\":\"p\"}}}")
                .header("Mcp-Session-Id", session).build())) {
            assertEquals(200, call.statusCode());
            assertEquals("", call.next(SOON).data(), "the priming event");
            SseClient.Event first = call.next(SOON);
            assertEquals(1, Http.json(first.data()).getJsonObject("params").getInt("progress"), first.data());
            lastSeen = first.id();
        } // dropped while the call runs on A

        List<Integer> progress = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        JsonObject result = null;
        try (SseClient resumed = new SseClient(resume(b, session, lastSeen))) {
            assertEquals(200, resumed.statusCode());
            for (SseClient.Event event = resumed.nextOrNull(WHILE_IT_RUNS); event != null; event = resumed.nextOrNull(WHILE_IT_RUNS)) {
                ids.add(Long.parseLong(event.id()));
                JsonObject message = Http.json(event.data());
                if (message.containsKey("method")) {
                    assertNull(result, "nothing after the result: " + message);
                    progress.add(message.getJsonObject("params").getInt("progress"));
                } else {
                    result = message;
                }
            }
        }
        assertEquals(List.of(2, 3, 4, 5, 6), progress, "every event after the last one seen, once, in order");
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "ids increase: " + ids);
        assertTrue(result != null, "the resumed stream carried the result and then ended");
        assertEquals(41, result.getInt("id"));
        assertEquals("reported 6", result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
    }

    /** A call runs on A; the client's cancellation reaches B: the call stops on A, long before its end. */
    @Test
    void aCancellationSentToTheOtherInstanceStopsTheCall() {
        McpHttp throughA = new McpHttp(a + "/mcp");
        String session = throughA.initialize("2025-11-25");
        try (SseClient call = new SseClient(throughA.post("{\"jsonrpc\":\"2.0\",\"id\":\"long one\",\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"pauseReporting\",\"arguments\":{\"millis\":60000},\"_meta\":{\"progressToken\":\"p\"}}}")
                .header("Mcp-Session-Id", session).build())) {
            assertEquals(200, call.statusCode());
            call.next(SOON); // priming
            assertEquals("notifications/progress", Http.json(call.next(SOON).data()).getString("method"), "the call runs on A");

            HttpResponse<String> cancelled = new McpHttp(b + "/mcp").call(session, "{\"jsonrpc\":\"2.0\",\"method\":"
                    + "\"notifications/cancelled\",\"params\":{\"requestId\":\"long one\",\"reason\":\"changed my mind\"}}");
            assertEquals(202, cancelled.statusCode(), cancelled.body());

            JsonObject answer = Http.json(call.next(SOON).data());
            assertEquals("long one", answer.getString("id"), answer.toString());
            assertEquals("Request cancelled", answer.getJsonObject("error").getString("message"), "stopped, not run to its end: " + answer);
            assertNull(call.nextOrNull(SOON), "the call's stream ended");
        }
        assertEquals(200, new McpHttp(b + "/mcp").call(session, LIST).statusCode(), "the session goes on");
    }

    /** A call runs on A and asks the client (elicitation); the client's answer reaches B: the call on A gets it and ends. */
    @Test
    void aClientsAnswerPostedToTheOtherInstanceReachesTheCallThatAsked() {
        McpHttp throughA = new McpHttp(a + "/mcp");
        String session = throughA.initialize("2025-11-25", Json.createObjectBuilder().add("elicitation", JsonValue.EMPTY_JSON_OBJECT).build());
        try (SseClient call = new SseClient(throughA.post("{\"jsonrpc\":\"2.0\",\"id\":43,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"test_elicitation\",\"arguments\":{\"message\":\"Who are you?\"}}}").header("Mcp-Session-Id", session).build())) {
            assertEquals(200, call.statusCode());
            JsonObject asked = nextMessage(call);
            assertEquals("elicitation/create", asked.getString("method"), asked.toString());

            HttpResponse<String> answered = new McpHttp(b + "/mcp").call(session, Json.createObjectBuilder().add("jsonrpc", "2.0")
                    .add("id", asked.get("id")).add("result", Json.createObjectBuilder().add("action", "accept")
                            .add("content", Json.createObjectBuilder().add("username", "ada").add("email", "ada@example.com")))
                    .build().toString());
            assertEquals(202, answered.statusCode(), answered.body());

            JsonObject result = nextMessage(call);
            assertEquals(43, result.getInt("id"), result.toString());
            String text = result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
            assertTrue(text.startsWith("User response: <action: accept, content: {"), text);
            assertTrue(text.contains("ada@example.com"), text);
        }
    }

    /**
     * The session's GET stream is open on B; a resource the session subscribed to through A changes, noticed on A (the
     * calculation history of the session's user): the notification A writes to the session's standalone stream goes
     * out on B's connection.
     */
    @Test
    void aGetStreamOnOneInstanceCarriesTheNotificationsWrittenOnTheOther() {
        McpHttp throughA = new McpHttp(a + "/mcp");
        String session = throughA.initialize("2025-11-25");
        try (SseClient stream = new SseClient(HttpRequest.newBuilder(URI.create(b + "/mcp")).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).GET().build())) {
            assertEquals(200, stream.statusCode());
            assertEquals("", stream.next(SOON).data(), "the priming event: the stream is open on B");
            throughA.result(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/subscribe\",\"params\":"
                    + "{\"uri\":\"history://recent\"}}");
            throughA.result(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                    + "\"arguments\":{\"a\":2,\"b\":40}}}");

            SseClient.Event notice = Eventually.await("notifications/resources/updated on B", WHILE_IT_RUNS,
                    () -> stream.next(WHILE_IT_RUNS), event -> event.data().contains("notifications/resources/updated"));
            assertEquals("history://recent", Http.json(notice.data()).getJsonObject("params").getString("uri"));
        }
    }

    /** The next message on a stream, priming events skipped. */
    private static JsonObject nextMessage(SseClient stream) {
        SseClient.Event event = stream.next(SOON);
        while (event.data().isEmpty()) {
            event = stream.next(SOON);
        }
        return Http.json(event.data());
    }

    private static HttpRequest resume(String base, String session, String lastEventId) {
        return HttpRequest.newBuilder(URI.create(base + "/mcp")).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).header("Last-Event-ID", lastEventId).GET().build();
    }

    /**
     * Instance liveness: both instances keep their heartbeat fresh; a POST for an HTTP+SSE session whose stream's
     * instance is gone (its heartbeat stopped: here, the session names an instance that never beat) is 404 on the
     * other instance instead of being relayed to nobody, so the client opens a new session; the stream's own instance
     * still answers it.
     */
    @Test
    void anHttpSseMessageForAStreamWhoseInstanceIsGoneIsNotFoundInsteadOfRelayedToNobody() throws SQLException {
        try (Connection db = TestDatabase.shared().connect()) {
            assertTrue(count(db, "select count(*) from cluster_instance where last_beat_at > now() - interval '15 seconds'") >= 2,
                    "both instances beat");
            try (SseClient stream = SseClient.open(a + "/sse")) {
                SseClient.Event endpoint = stream.next(SOON);
                String path = endpoint.data().substring(endpoint.data().indexOf("/sse/message"));
                String sessionHash = SecretHash.of(path.substring(path.indexOf("sessionId=") + "sessionId=".length()));
                try (PreparedStatement gone = db.prepareStatement("update mcp_session set stream_instance = 'gone-instance' where id_hash = ?")) {
                    gone.setString(1, sessionHash);
                    assertEquals(1, gone.executeUpdate());
                }

                HttpResponse<String> refused = post(b + path, McpHttp.initializeRequest(1, "2024-11-05"));
                assertEquals(404, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("open a new one with GET /sse"), refused.body());
                assertEquals(0, count(db, "select count(*) from mcp_sse_relay where session_hash = '" + sessionHash + "'"), "nothing relayed");

                assertEquals(202, post(a + path, McpHttp.initializeRequest(2, "2024-11-05")).statusCode(), "the stream's instance answers");
                assertEquals(2, message(stream).getInt("id"));
            }
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static JsonObject message(SseClient stream) {
        SseClient.Event event = stream.next(SOON);
        assertEquals("message", event.name(), event.toString());
        return Http.json(event.data());
    }

    private static HttpResponse<String> post(String url, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
