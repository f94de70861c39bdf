package org.jakartamcp.system;

import static org.jakartamcp.testing.OAuthFlow.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.security.SecretHash;
import org.jakartamcp.testing.Cluster;
import org.jakartamcp.testing.CompanyIdentityProvider;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.McpRemote;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.StdioProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances started at the same moment on an empty PostgreSQL, behind Debian's nginx with the shipped
 * configuration (round-robin, no stickiness, default retries): both become ready with every start-up step
 * done and exactly one first administrator between them. A browser signs in, consents and opens the account
 * and administration pages with each request on the other instance than the one before (nothing but the
 * database carries the state between them); the official TypeScript SDK client, signed in and then calling
 * through nginx only, keeps one Streamable HTTP session while its requests alternate between the instances, and
 * over HTTP+SSE has its POSTs answered on its stream wherever they land; mcp-remote runs the quick start through nginx;
 * and each client behind nginx is rate-limited by its own address (X-Forwarded-For from a trusted proxy).
 * Ports from {@code cluster-test.first-port} (default 9151) on: see {@link Cluster}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceSystemIT {

    private static final int FIRST_PORT = Integer.getInteger("cluster-test.first-port", 9151);
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final int ADDITIONS = 6;
    /** Counted across the instances: enough for the clients the other tests register from the test's own address (about ten). */
    private static final int REGISTRATIONS_PER_ADDRESS = 20;

    /** Another reconnection time than the priming event's (1 s), so that the test tells the two apart. */
    private static final long DRAIN_RECONNECT_MILLIS = 1500;

    private static Cluster cluster;
    private static List<JsonObject> readiness;
    private static String first;
    private static String second;

    @BeforeAll
    static void startTwoInstancesAtOnceAndTheBalancer() throws Exception {
        // the name the test server's configuration uses too: the provider names itself after the host it is asked at
        String companyIssuer = CompanyIdentityProvider.issuer().replace("127.0.0.1", "localhost");
        cluster = new Cluster("multi-instance", 2, FIRST_PORT, Map.of(
                "OAUTH_RATE_LIMIT_REGISTRATION_PER_ADDRESS", String.valueOf(REGISTRATIONS_PER_ADDRESS),
                "AUTH_OIDC_ISSUER", companyIssuer,
                "AUTH_OIDC_CLIENT_ID", "mcp-cluster",
                "AUTH_OIDC_CLIENT_SECRET", "cluster-client-secret",
                "AUTH_ALLOWED_GROUPS", "mcp-users",
                "MCP_DRAIN_RECONNECT_MILLIS", String.valueOf(DRAIN_RECONNECT_MILLIS)));
        cluster.startInstancesAtOnce();
        readiness = cluster.awaitReady(STARTUP);
        cluster.startBalancer();
        first = cluster.instanceUrl(1);
        second = cluster.instanceUrl(2);
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void bothInstancesRanEveryStartUpStepAndOneCreatedTheAdministrator() throws Exception {
        for (int index = 1; index <= 2; index++) {
            assertEquals(Health.STARTUP_STEPS, Health.startupSteps(readiness.get(index - 1)),
                    "instance " + index + " ran every start-up step: " + readiness.get(index - 1));
            String log = cluster.instance(index).messages();
            assertFalse(log.contains("The start-up step") || log.contains("database-ready observer failed"),
                    "instance " + index + " logged no failed start-up step: " + log);
        }
        assertOneFirstAdministrator();
        try (Connection db = cluster.connect()) {
            assertEquals(1, count(db, "select count(*) from oauth_signing_key where retired_at is null"), "one signing key for both");
            assertEquals(2, count(db, "select count(*) from audit_event where type = ?", AuditTrail.SERVER_STARTED));
        }
    }

    /** Signed in through nginx (the pages included), then the SDK client's requests alternate between the instances. */
    @Test
    void theSdkClientSignedInThroughNginxKeepsOneSessionServedInTurn() throws Exception {
        String mcpUrl = cluster.balancerUrl() + "/mcp";
        JsonObject metadata = Http.json(Http.sendAsIs(HttpRequest.newBuilder(
                URI.create(cluster.balancerUrl() + "/.well-known/oauth-protected-resource/mcp")).GET().build()));
        assertEquals(mcpUrl, metadata.getString("resource"), "the instances name the balancer, not themselves");
        String token = new OAuthFlow(cluster.balancerUrl()).tokens("admin", firstAdministratorPassword(), mcpUrl)
                .getString("access_token");
        long postsBefore = cluster.upstreamPorts("POST", "/mcp").size();
        long linesBefore = Files.readAllLines(cluster.accessLog()).size();

        JsonObject output = callToolsWithTheSdk(mcpUrl, token);

        assertAlternated(postsBefore, linesBefore);
        String sessionId = output.getString("sessionId", "");
        assertFalse(sessionId.isEmpty(), output.toString());
        try (Connection db = cluster.connect()) {
            assertEquals(1, count(db, "select count(*) from mcp_session where id_hash = ?", SecretHash.of(sessionId)),
                    "the client kept its one session on both instances");
        }

        // both instances served the session, so both hold it: deleted through one, it is gone on the other at once
        HttpResponse<String> deleted = Http.send(HttpRequest.newBuilder(URI.create(first + "/mcp")).DELETE()
                .header("Mcp-Session-Id", sessionId).header("Authorization", "Bearer " + token).build());
        assertEquals(204, deleted.statusCode(), deleted.body());
        McpHttp onTheOther = new McpHttp(second + "/mcp", token);
        HttpResponse<String> gone = Eventually.await("404 on the other instance", Duration.ofSeconds(3),
                () -> onTheOther.call(sessionId, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}"),
                response -> response.statusCode() != 200);
        assertEquals(404, gone.statusCode(), gone.body());
    }

    /**
     * HTTP+SSE, the quick start's transport, through nginx: the stream stays on the instance it reached, the client's
     * POSTs go to both, and those that reach the other instance are relayed to the stream's and answered there.
     */
    @Test
    void theSdkClientOverHttpSseThroughNginxIsAnsweredWhereverItsPostsLand() throws Exception {
        String sseUrl = cluster.balancerUrl() + "/sse";
        String token = new OAuthFlow(cluster.balancerUrl()).tokens("admin", firstAdministratorPassword(), sseUrl)
                .getString("access_token");
        int streamsBefore = cluster.upstreamPorts("GET", "/sse").size();
        int postsBefore = cluster.upstreamPorts("POST", "/sse/message").size();

        callToolsWithTheSdk(sseUrl, token);

        List<Integer> streams = cluster.upstreamPorts("GET", "/sse").subList(streamsBefore, cluster.upstreamPorts("GET", "/sse").size());
        assertEquals(1, streams.size(), "one stream: " + streams);
        int holder = cluster.instanceOf(streams.get(0));
        List<Integer> posts = cluster.upstreamPorts("POST", "/sse/message");
        List<Integer> instances = posts.subList(postsBefore, posts.size()).stream().map(cluster::instanceOf).toList();
        assertTrue(instances.size() >= ADDITIONS + 2 && instances.stream().anyMatch(instance -> instance != holder),
                "the client's POSTs reached the instance without its stream too (the stream on " + holder + "): " + instances);
    }

    /**
     * The quick start through the balancer: {@code mcp-remote <balancer>/sse} gets 401, discovers, registers, has the
     * browser sign in (the pages through nginx, no stickiness), lists the tools and adds; and with
     * {@code --transport sse-only} over HTTP+SSE, its POSTs answered on its stream wherever they land.
     */
    @Test
    void mcpRemoteSignsInThroughNginxAndCallsAddOverBothTransports() throws Exception {
        String sseUrl = cluster.balancerUrl() + "/sse";
        String log = McpRemote.listAndAdd(sseUrl, "cluster-sign-in", List.of(),
                new HashMap<>(McpClients.signInEnvironment(firstAdministratorPassword())), "jakarta-mcp-math");
        assertTrue(log.contains("Completing authorization..."), "it signed in through the browser: " + log);
        assertTrue(log.contains("Connected to remote server using StreamableHTTPClientTransport"), log);

        String token = new OAuthFlow(cluster.balancerUrl()).tokens("admin", firstAdministratorPassword(), sseUrl)
                .getString("access_token");
        String sseOnly = McpRemote.listAndAdd(sseUrl, "cluster-sse-only", List.of("--transport", "sse-only", "--header",
                "Authorization:Bearer " + token), new HashMap<>(), "jakarta-mcp-math");
        assertTrue(sseOnly.contains("Connected to remote server using SSEClientTransport"), sseOnly);
    }

    /** The SDK client lists the tools and adds ADDITIONS times; the results are checked; returns the script's output. */
    private static JsonObject callToolsWithTheSdk(String url, String token) {
        McpClients.Result run = McpClients.run(List.of(McpClients.node().toString(),
                McpClients.home().resolve("sdk-call-tools.mjs").toString(), url, calls()),
                Map.of("MCP_ACCESS_TOKEN", token), null, Duration.ofMinutes(1));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        JsonObject output = Http.json(run.stdout().strip());
        JsonArray results = output.getJsonArray("results");
        List<String> tools = results.getJsonObject(0).getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .map(tool -> tool.getString("name")).toList();
        assertTrue(tools.contains("add"), "tools/list through nginx: " + tools);
        for (int call = 1; call <= ADDITIONS; call++) {
            JsonObject sum = results.getJsonObject(call);
            assertFalse(sum.getBoolean("isError", false), sum.toString());
            assertEquals(String.valueOf(call + 40), sum.getJsonObject("structuredContent").getString("result"), sum.toString());
        }
        return output;
    }

    /** tools/list, then add(i, 40) for i = 1 .. ADDITIONS. */
    private static String calls() {
        List<String> calls = new ArrayList<>(List.of("{\"list\": \"tools\"}"));
        IntStream.rangeClosed(1, ADDITIONS).forEach(i -> calls.add("{\"name\": \"add\", \"arguments\": {\"a\": " + i + ", \"b\": 40}}"));
        return "[" + String.join(", ", calls) + "]";
    }

    /** Both generated a password file only if both created an administrator: exactly one did. Returns its password. */
    private static void assertOneFirstAdministrator() throws Exception {
        try (Connection db = cluster.connect()) {
            assertEquals(1, count(db, "select count(*) from app_user where password_hash is not null"),
                    "one first administrator (the company's users have no password here)");
        }
        firstAdministratorPassword();
        long creators = IntStream.rangeClosed(1, 2)
                .filter(index -> cluster.instance(index).messages().contains("Created the first administrator 'admin'")).count();
        assertEquals(1, creators, "one instance created the administrator");
    }

    /** The generated password, from the one file written (by the instance that created the administrator). */
    private static String firstAdministratorPassword() throws Exception {
        List<Path> written = IntStream.rangeClosed(1, 2).mapToObj(index -> cluster.instance(index).initialPasswordFile())
                .filter(Files::exists).toList();
        assertEquals(1, written.size(), "only the instance that created the administrator wrote its password: " + written);
        return Files.readString(written.get(0)).strip();
    }

    /** nginx's access log: the session's requests (those after the first {@code skipped}) went to both instances, in turn, and none failed. */
    private static void assertAlternated(long skipped, long linesBefore) throws java.io.IOException {
        List<Integer> all = cluster.upstreamPorts("POST", "/mcp");
        List<Integer> posts = all.subList((int) skipped, all.size());
        List<Integer> instances = posts.stream().map(cluster::instanceOf).toList();
        assertTrue(posts.size() >= ADDITIONS + 2, "initialize, tools/list and the calls went through nginx: " + posts);
        assertFalse(instances.contains(0), "every request reached an instance at the first try: " + posts);
        long changes = IntStream.range(1, instances.size()).filter(i -> !instances.get(i).equals(instances.get(i - 1))).count();
        // round-robin over two instances: every request goes to the other one than the one before, except where
        // the client's GET stream took a turn in between
        assertTrue(changes >= instances.size() - 3, "requests alternate between the instances: " + instances);
        for (int index = 1; index <= 2; index++) {
            int instance = index;
            assertTrue(instances.stream().filter(served -> served == instance).count() >= ADDITIONS / 2,
                    "instance " + index + " served its share: " + instances);
        }
        HttpResponse<String> health = Http.get(cluster.balancerUrl() + "/health/ready");
        assertEquals(200, health.statusCode(), health.body());
        // this client's requests only: another test's client may have dropped a stream on purpose (499)
        List<String> failed = Files.readAllLines(cluster.accessLog()).stream().skip(linesBefore)
                .filter(line -> line.contains(" /mcp ") && line.matches(".*\" [45]\\d\\d .*")).toList();
        assertTrue(failed.isEmpty(), "no MCP request through nginx failed: " + failed);
    }

    /**
     * A streamed call through nginx whose connection drops, resumed with Last-Event-ID through nginx, which sends the
     * GET to the other instance: the stream continues there until the call's result. Then a call cancelled through
     * nginx, the cancellation reaching the other instance: the call stops at once.
     */
    @Test
    void aStreamedCallResumesAndIsCancelledThroughTheOtherInstance() throws Exception {
        String mcpUrl = cluster.balancerUrl() + "/mcp";
        String token = new OAuthFlow(cluster.balancerUrl()).tokens("admin", firstAdministratorPassword(), mcpUrl)
                .getString("access_token");
        McpHttp mcp = new McpHttp(mcpUrl, token);
        String session = mcp.initialize("2025-11-25");

        String primingId;
        try (SseClient call = new SseClient(mcp.post(hardFactorization(51)).header("Mcp-Session-Id", session).build())) {
            assertEquals(200, call.statusCode());
            primingId = call.next(Duration.ofSeconds(10)).id();
        } // dropped while the call runs (it takes the factorization's budget, 2 s)
        JsonObject result;
        try (SseClient resumed = new SseClient(HttpRequest.newBuilder(URI.create(mcpUrl)).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).header("Last-Event-ID", primingId).header("Authorization", "Bearer " + token)
                .GET().build())) {
            assertEquals(200, resumed.statusCode());
            result = Http.json(resumed.next(Duration.ofSeconds(10)).data());
            assertEquals(null, resumed.nextOrNull(Duration.ofSeconds(10)), "the stream ended after the result");
        }
        assertEquals(51, result.getInt("id"), result.toString());
        String text = result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
        assertTrue(text.startsWith("Factorization ran out of time"), "the call ran to its end on its instance: " + text);
        List<Integer> posts = cluster.upstreamPorts("POST", "/mcp");
        List<Integer> gets = cluster.upstreamPorts("GET", "/mcp");
        assertNotEquals(cluster.instanceOf(posts.get(posts.size() - 1)), cluster.instanceOf(gets.get(gets.size() - 1)),
                "nginx sent the resumption to the other instance than the call's");

        try (SseClient call = new SseClient(mcp.post(hardFactorization(52)).header("Mcp-Session-Id", session).build())) {
            assertEquals(200, call.statusCode());
            call.next(Duration.ofSeconds(10)); // primed: the call runs
            HttpResponse<String> cancelled = mcp.call(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":52}}");
            assertEquals(202, cancelled.statusCode(), cancelled.body());
            JsonObject answer = Http.json(call.next(Duration.ofSeconds(10)).data());
            assertEquals("Request cancelled", answer.getJsonObject("error").getString("message"),
                    "stopped by the cancellation, not by the factorization's budget: " + answer);
        }
        List<Integer> lastPosts = cluster.upstreamPorts("POST", "/mcp");
        assertNotEquals(cluster.instanceOf(lastPosts.get(lastPosts.size() - 1)), cluster.instanceOf(lastPosts.get(lastPosts.size() - 2)),
                "the cancellation reached the other instance than the call's: " + lastPosts);
    }

    /** A call that streams its answer (it asks for progress) and takes its whole budget: two primes of 19 and 27 digits. */
    private static String hardFactorization(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"factorize\","
                + "\"arguments\":{\"n\":\"" + new java.math.BigInteger("2305843009213693951").multiply(new java.math.BigInteger(
                "618970019642690137449562111")) + "\"},\"_meta\":{\"progressToken\":\"p\"}}}";
    }

    /**
     * nginx appends the address it sees to X-Forwarded-For, and the instances trust nginx's address: each client is
     * limited by its own address, not all by nginx's. (The test's client shares 127.0.0.1 with nginx, so the address
     * it sends stands for where it connects from; a real client's own address is never a trusted proxy's.)
     */
    @Test
    void eachClientBehindNginxIsLimitedByItsOwnAddress() {
        HttpResponse<String> registered = null;
        for (int attempt = 1; attempt <= 5 * REGISTRATIONS_PER_ADDRESS && (registered == null || registered.statusCode() == 201); attempt++) {
            registered = register("203.0.113.7");
        }
        assertEquals(429, registered.statusCode(), "one client address runs out of registrations: " + registered.body());
        HttpResponse<String> another = register("203.0.113.8");
        assertEquals(201, another.statusCode(), "another client behind the same nginx still registers: " + another.body());
    }

    private static HttpResponse<String> register(String clientAddress) {
        return Http.sendAsIs(HttpRequest.newBuilder(URI.create(cluster.balancerUrl() + "/register"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"" + OAuthFlow.REDIRECT_URI
                        + "\"],\"token_endpoint_auth_method\":\"none\",\"client_name\":\"Behind nginx\"}")).build());
    }

    /**
     * SIGTERM of an instance with a client's stream open on it (a deploy, a scale-in): the stream ends at once with a
     * reconnection time instead of being held until Liberty's 30 s quiesce gives up, the instance leaves the cluster,
     * and the client resumes its stream through nginx on the other instance from its last event. The instance is
     * started again for the test after this one.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aStoppingInstanceEndsItsStreamsWithARetryHintAndTheClientResumesElsewhere() throws Exception {
        String mcpUrl = cluster.balancerUrl() + "/mcp";
        String token = new OAuthFlow(cluster.balancerUrl(), fromItsOwnAddress("198.51.100.21"))
                .tokens("admin", firstAdministratorPassword(), mcpUrl).getString("access_token");
        McpHttp balancer = new McpHttp(mcpUrl, token);
        String sessionId = balancer.initialize("2025-11-25");
        int stopping = 2;
        try (SseClient stream = new SseClient(HttpRequest.newBuilder(URI.create(cluster.instanceUrl(stopping) + "/mcp"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token)
                .header("Mcp-Session-Id", sessionId).GET().build())) {
            assertEquals(200, stream.statusCode());
            String primingId = stream.next(Duration.ofSeconds(10)).id();
            assertNotNull(primingId, "the stream's priming event");
            long signalled = System.nanoTime();

            cluster.instance(stopping).terminate();

            Duration toExit = Duration.ofNanos(System.nanoTime() - signalled);
            assertTrue(toExit.compareTo(Duration.ofSeconds(25)) < 0, "drained, the server did not wait for its open stream: " + toExit);
            List<SseClient.Event> last = new ArrayList<>();
            SseClient.Event event;
            while ((event = stream.nextOrNull(Duration.ofSeconds(5))) != null) {
                last.add(event);
            }
            assertEquals(List.of(new SseClient.Event(null, null, "")), last, "one last event, empty, without an id");
            assertEquals(List.of(1000L, DRAIN_RECONNECT_MILLIS), stream.retries(), "the priming event's reconnection time, then the drain's");
            try (Connection db = cluster.connect()) {
                assertEquals(1, count(db, "select count(*) from cluster_instance"), "the stopped instance left the cluster");
            }

            try (SseClient resumed = new SseClient(HttpRequest.newBuilder(URI.create(mcpUrl)).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", sessionId)
                    .header("Last-Event-ID", primingId).GET().build())) {
                assertEquals(200, resumed.statusCode(), "the stream resumes through nginx on the other instance");
            }
            JsonObject sum = balancer.result(sessionId, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":40}}}");
            assertEquals("42", sum.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        } finally {
            if (!cluster.instance(stopping).isRunning()) {
                cluster.instance(stopping).start();
                new Health(cluster.instanceUrl(stopping)).awaitReady(STARTUP);
            }
        }
    }

    /**
     * SIGKILL of the instance that served the SDK client's {@code initialize}, in the middle of its session (last: it
     * leaves one instance). Before it, a streamed call on that instance whose connection dropped after the first event
     * (its later events are in the database). After it, through nginx only: the client's next request is answered by
     * the survivor on the same session with the same token (nginx retries the refused connection, no 502 reaches the
     * client), the dropped stream resumes there from its last event (exactly the result it missed), and the grant
     * lives on (the refresh token is redeemed).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aKilledInstanceLosesNothingTheClientNeeds() throws Exception {
        String mcpUrl = cluster.balancerUrl() + "/mcp";
        OAuthFlow oauth = new OAuthFlow(cluster.balancerUrl(), fromItsOwnAddress("198.51.100.22"));
        JsonObject tokens = oauth.tokens("admin", firstAdministratorPassword(), mcpUrl);
        String token = tokens.getString("access_token");
        int postsBefore = cluster.upstreamPorts("POST", "/mcp").size();
        Path stderr = Files.createTempFile("sdk-session", ".log");
        try (StdioProcess client = new StdioProcess(List.of(McpClients.node().toString(), McpClients.home().resolve("sdk-session.mjs").toString(),
                mcpUrl), Map.of("MCP_ACCESS_TOKEN", token), stderr)) {
            String sessionId = client.awaitResponse(0, Duration.ofMinutes(1)).getJsonObject("result").getString("sessionId");
            assertEquals("41", add(client, 1, 1), "before the kill");
            int victim = cluster.instanceOf(cluster.upstreamPorts("POST", "/mcp").get(postsBefore));
            assertNotEquals(0, victim, "initialize reached an instance");

            // a streamed call on the instance about to die, dropped after its first event; its result is stored there
            String primingId;
            try (SseClient call = new SseClient(new McpHttp(cluster.instanceUrl(victim) + "/mcp", token).post(
                    "{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                            + "\"arguments\":{\"a\":40,\"b\":2},\"_meta\":{\"progressToken\":7}}}").header("Mcp-Session-Id", sessionId).build())) {
                assertEquals(200, call.statusCode());
                primingId = call.next(Duration.ofSeconds(10)).id();
            }
            try (Connection db = cluster.connect()) {
                Eventually.await("the streamed call's result stored", Duration.ofSeconds(10), () -> {
                    try {
                        return count(db, "select count(*) from mcp_event where session_hash = ? and payload like '%\"id\":77%'",
                                SecretHash.of(sessionId));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }, stored -> stored == 1);
            }
            long accessLogLines = Files.readAllLines(cluster.accessLog()).size();

            cluster.instance(victim).kill();

            assertEquals("42", add(client, 2, 2), "the client's next request, through the survivor");
            List<SseClient.Event> resumed = new ArrayList<>();
            try (SseClient stream = new SseClient(HttpRequest.newBuilder(URI.create(mcpUrl)).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", sessionId)
                    .header("Last-Event-ID", primingId).GET().build())) {
                assertEquals(200, stream.statusCode(), "the stream resumes on the survivor");
                SseClient.Event event;
                while ((event = stream.nextOrNull(Duration.ofSeconds(5))) != null) {
                    resumed.add(event);
                }
            }
            assertEquals(1, resumed.size(), "the result missed when the connection dropped, once: " + resumed);
            JsonObject result = Http.json(resumed.get(0).data());
            assertEquals(77, result.getInt("id"), result.toString());
            assertEquals("42", result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));

            String clientId = OAuthFlow.claims(token).getString("client_id");
            HttpResponse<String> refreshed = oauth.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                    "refresh_token", tokens.getString("refresh_token")));
            assertEquals(200, refreshed.statusCode(), "the grant survived: " + refreshed.body());
            assertEquals(200, McpHttp.initializeStatus(cluster.balancerUrl(), Http.json(refreshed).getString("access_token")));
            assertEquals("44", add(client, 3, 4), "and the session goes on");

            List<String> afterKill = Files.readAllLines(cluster.accessLog()).stream().skip(accessLogLines).toList();
            assertTrue(afterKill.stream().noneMatch(line -> line.matches(".*\" 50\\d .*")), "no 5xx through nginx after the kill: " + afterKill);
            assertTrue(afterKill.stream().anyMatch(line -> line.contains("POST /mcp ")), afterKill.toString());
        } finally {
            System.out.println("sdk-session.mjs stderr: " + Files.readString(stderr));
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * A client signing in from an address of its own (as nginx forwards it): the registrations limited per address
     * (REGISTRATIONS_PER_ADDRESS, counted across the instances) are left to the tests that share the test's address.
     */
    private static Map<String, String> fromItsOwnAddress(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    /** add(call, 40) through the SDK client driven by {@code client}; returns the result's text, or fails with the client's error. */
    private static String add(StdioProcess client, int call, int a) {
        client.send("{\"id\": " + call + ", \"call\": {\"name\": \"add\", \"arguments\": {\"a\": " + a + ", \"b\": 40}}}");
        JsonObject answer = client.awaitResponse(call, Duration.ofSeconds(30));
        assertFalse(answer.containsKey("error"), "call " + call + ": " + answer);
        JsonObject result = answer.getJsonObject("result");
        assertFalse(result.getBoolean("isError", false), result.toString());
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void signInConsentAndAccountPagesAlternatingInstances() throws Exception {
        OAuthFlow one = new OAuthFlow(first);
        OAuthFlow other = one.at(second);
        String clientId = one.registerPublicClient("Client of two instances");
        OAuthFlow.Pkce pkce = one.pkce();

        HttpResponse<String> toLogin = one.open(one.authorizeUrl(clientId, pkce, Map.of("resource", cluster.balancerUrl() + "/mcp")));
        assertEquals(303, toLogin.statusCode(), toLogin.body());
        HttpResponse<String> login = other.open(other.here(location(toLogin)));
        assertEquals(200, login.statusCode(), "the pending request, held by the first instance, on the second: " + login.body());
        assertTrue(login.body().contains("Client of two instances"), login.body());
        String beforeSignIn = other.cookie("JSESSIONID");
        assertNotNull(beforeSignIn, "the session cookie");

        HttpResponse<String> toConsent = one.submit(login, Map.of("username", "admin", "password", firstAdministratorPassword()), "sign-in");
        assertEquals(302, toConsent.statusCode(), "the second instance's form (its view state) posted to the first: " + toConsent.body());
        assertTrue(location(toConsent).contains("/consent.xhtml?request="), location(toConsent));
        assertNotEquals(sessionId(beforeSignIn), sessionId(one.cookie("JSESSIONID")), "a new session id on sign-in");

        HttpResponse<String> consent = other.open(other.here(location(toConsent)));
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("Client of two instances"), consent.body());
        HttpResponse<String> decided = one.decide(consent, "allow");
        Map<String, String> answer = OAuthFlow.query(location(decided));
        assertNotNull(answer.get("code"), location(decided));

        HttpResponse<String> tokens = other.redeem(clientId, answer.get("code"), pkce.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = Http.json(tokens).getString("access_token");
        assertEquals(200, McpHttp.initializeStatus(first, accessToken));
        assertEquals(200, McpHttp.initializeStatus(second, accessToken));

        HttpResponse<String> account = one.open(first + "/account.xhtml");
        assertEquals(200, account.statusCode(), account.body());
        assertTrue(account.body().contains("Client of two instances"), "the connected client on the account page: " + account.body());
        HttpResponse<String> admin = other.open(second + "/admin/clients.xhtml");
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("Client of two instances"), admin.body());

        // the session id from before the sign-in, which both instances have seen (and cached), signs no one in
        for (String base : List.of(first, second)) {
            HttpResponse<String> planted = withSessionCookie(base + "/account.xhtml", beforeSignIn);
            assertEquals(302, planted.statusCode(), "the id from before the sign-in at " + base + ": " + planted.body());
            assertTrue(location(planted).contains("/login.xhtml"), location(planted));
        }

        // signed out on the second instance: the first, which served the session a moment ago, sends it to sign in
        HttpResponse<String> accountThere = other.open(second + "/account.xhtml");
        HttpResponse<String> signedOut = one.submit(accountThere, Map.of(), "sign-out");
        assertEquals(302, signedOut.statusCode(), signedOut.body());
        HttpResponse<String> afterSignOut = one.open(first + "/account.xhtml");
        assertEquals(302, afterSignOut.statusCode(), afterSignOut.body());
        assertTrue(location(afterSignOut).contains("/login.xhtml"), location(afterSignOut));
    }

    @Test
    void signInThroughTheCompanysProviderAlternatingInstances() {
        OAuthFlow one = new OAuthFlow(first);
        OAuthFlow other = one.at(second);
        String clientId = one.registerPublicClient("Client of a company user");
        OAuthFlow.Pkce pkce = one.pkce();
        CompanyIdentityProvider.nextSignIn("grace", "Grace Hopper", List.of("mcp-users"));

        // the authorization URL names the issuer's resource (<issuer>/mcp), whichever instance it is sent to
        HttpResponse<String> login = one.open(one.here(location(other.open(other.here(one.authorizeUrl(clientId, pkce, Map.of("resource", cluster.balancerUrl() + "/mcp")))))));
        assertEquals(200, login.statusCode(), login.body());
        // the sign-in starts on the second instance; the provider sends the browser back to the issuer's (the first)
        HttpResponse<String> back = other.signInThroughProvider(other.open(other.here(login.uri().toString())));
        assertEquals(303, back.statusCode(), back.body());
        assertTrue(location(back).startsWith(cluster.balancerUrl() + "/consent.xhtml?request="), location(back));
        HttpResponse<String> consent = other.open(other.here(location(back)));
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("Grace Hopper"), consent.body());
        Map<String, String> answer = OAuthFlow.query(location(one.decide(consent, "allow")));
        HttpResponse<String> tokens = other.redeem(clientId, answer.get("code"), pkce.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonObject claims = OAuthFlow.claims(Http.json(tokens).getString("access_token"));
        assertEquals(cluster.balancerUrl(), claims.getString("iss"));
    }

    private static String sessionId(String cookie) {
        // Liberty's cookie: a cache id, the session id, then the ids of the instances that served it
        return cookie.substring(4, cookie.indexOf(':'));
    }

    private static HttpResponse<String> withSessionCookie(String url, String value) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + value).GET().build());
    }
}
