package org.jakartamcp.mcp.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.testing.Cluster;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.OtlpReceiver;
import org.jakartamcp.testing.OtlpReceiver.ReceivedSpan;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server started with tracing on, as an operator turns it on (OTEL_SDK_DISABLED=false and an OTLP endpoint in its
 * environment; the build's run server with its own database, as {@link Cluster} makes one), exports to a real OTLP
 * receiver in this JVM: the span of a {@code tools/call add} has the MCP conventions' name, kind and attributes, and
 * continues the trace a client sent in {@code params._meta.traceparent}.
 * Ports: {@code cluster-test.first-port} on (HTTP, HTTPS, nginx, PostgreSQL) and {@code test.otlp.port}.
 */
class McpTracingIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";
    private static final Duration EXPORTED = Duration.ofSeconds(30);
    private static final Pattern LOGGED_IDS = Pattern.compile("\\[trace_id=([0-9a-f]{32}) span_id=([0-9a-f]{16})\\]$");

    private static OtlpReceiver receiver;
    private static Cluster cluster;
    private static McpHttp mcp;
    private static String session;

    @BeforeAll
    static void startATracedServer() throws Exception {
        receiver = OtlpReceiver.start();
        cluster = new Cluster("tracing", 1, Integer.getInteger("cluster-test.first-port", 9151), Map.ofEntries(
                Map.entry("ADMIN_PASSWORD", TestServer.adminPassword()),
                Map.entry("OTEL_SDK_DISABLED", "false"),
                Map.entry("OTEL_SERVICE_NAME", "jakarta-mcp-tracing-test"),
                Map.entry("OTEL_TRACES_EXPORTER", "otlp"),
                Map.entry("OTEL_METRICS_EXPORTER", "none"),
                Map.entry("OTEL_LOGS_EXPORTER", "none"),
                Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()),
                Map.entry("OTEL_BSP_SCHEDULE_DELAY", "200"),
                // JSON logs as README "Logs" says, with the dispatcher's one line per request (FINE) among the messages
                Map.entry("WLP_LOGGING_MESSAGE_FORMAT", "json"),
                Map.entry("WLP_LOGGING_MESSAGE_SOURCE", "message,trace"),
                Map.entry("LOG_TRACE_SPECIFICATION", "*=info:org.jakartamcp.mcp.server.McpDispatcher=fine")));
        cluster.startInstancesAtOnce();
        cluster.awaitReady(Duration.ofMinutes(3));
        // the issuer clients know is the balancer's URL (Cluster's setup): sign in and call through it
        cluster.startBalancer();
        String base = cluster.balancerUrl();
        String token = new OAuthFlow(base).tokens().getString("access_token");
        mcp = new McpHttp(base + "/mcp", token);
        session = mcp.initialize("2025-11-25");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aToolCallsSpanContinuesTheTraceTheClientSentInMeta() {
        JsonObject answer = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                + "\"arguments\":{\"a\":2,\"b\":40},\"_meta\":{\"traceparent\":\"00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01\"}}}");
        assertEquals("42", answer.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"), answer.toString());

        ReceivedSpan span = awaitSpan(candidate -> TRACE_ID.equals(candidate.traceId()) && "tools/call add".equals(candidate.name()));
        assertEquals("SPAN_KIND_SERVER", span.kind());
        assertEquals(CLIENT_SPAN_ID, span.parentSpanId(), "the client's span is the parent");
        assertEquals("tools/call", span.attribute("mcp.method.name"));
        assertEquals("add", span.attribute("gen_ai.tool.name"));
        assertEquals("execute_tool", span.attribute("gen_ai.operation.name"));
        assertEquals("7", span.attribute("jsonrpc.request.id"));
        assertEquals("2025-11-25", span.attribute("mcp.protocol.version"));
        assertEquals("tcp", span.attribute("network.transport"));
        assertEquals(64, span.attribute("mcp.session.id").length(), "the session's hash, never its id");
        assertNotEquals(session, span.attribute("mcp.session.id"));
        assertNull(span.attribute("error.type"), span.toString());
        assertEquals("STATUS_CODE_UNSET", span.status());
        // the HTTP request that carried it is linked, in a trace of its own
        assertEquals(1, span.linkedSpanIds().size(), span.toString());
        ReceivedSpan http = awaitSpan(candidate -> candidate.spanId().equals(span.linkedSpanIds().get(0)));
        assertEquals("SPAN_KIND_SERVER", http.kind());
        assertNotEquals(TRACE_ID, http.traceId());
    }

    @Test
    void theLogLineOfATracedRequestNamesItsTraceAndSpanInJson() {
        JsonObject answer = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":\"logged-3\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2}}}");
        assertEquals("3", answer.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"), answer.toString());
        ReceivedSpan span = awaitSpan(candidate -> "logged-3".equals(candidate.attribute("jsonrpc.request.id")));

        JsonObject line = Eventually.await("the request's line in messages.log", EXPORTED,
                () -> jsonLines(cluster.instance(1).messages()).stream()
                        .filter(record -> record.getString("message", "").startsWith("MCP request \"logged-3\" tools/call add: answered"))
                        .findFirst(), Optional::isPresent).orElseThrow();
        assertEquals("FINE", line.getString("loglevel", ""), line.toString());
        assertEquals(McpDispatcher.class.getName(), line.getString("module", ""), line.toString());
        Matcher ids = LOGGED_IDS.matcher(line.getString("message"));
        assertTrue(ids.find(), line.toString());
        assertEquals(span.traceId(), ids.group(1), "the trace the receiver got: " + line);
        assertEquals(span.spanId(), ids.group(2), "the MCP request's own span: " + line);
    }

    /** The lines of a JSON log (Liberty writes one object a line), but for one still being written. */
    private static List<JsonObject> jsonLines(String log) {
        return log.lines().filter(text -> text.startsWith("{") && text.endsWith("}")).map(text -> {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        }).toList();
    }

    @Test
    void withoutMetaTheSpanIsTheHttpRequestsChildAndAToolErrorIsAnError() {
        JsonObject answer = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":\"divide-8\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"divide\",\"arguments\":{\"a\":1,\"b\":0}}}");
        assertTrue(answer.getJsonObject("result").getBoolean("isError"), answer.toString());

        ReceivedSpan span = awaitSpan(candidate -> "divide-8".equals(candidate.attribute("jsonrpc.request.id")));
        assertEquals("tools/call divide", span.name());
        assertEquals("tool_error", span.attribute("error.type"));
        assertEquals("STATUS_CODE_ERROR", span.status());
        assertFalse(span.parentSpanId().isEmpty(), "a child of the HTTP request's span");
        ReceivedSpan http = awaitSpan(candidate -> candidate.spanId().equals(span.parentSpanId()));
        assertEquals("SPAN_KIND_SERVER", http.kind());
        assertEquals(span.traceId(), http.traceId());
        assertTrue(http.name().contains("/mcp"), http.toString());
    }

    @Test
    void anUnknownToolIsNotInTheSpanNameAndAProtocolErrorIsItsCode() {
        JsonObject answer = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"no-such-tool-4711\",\"arguments\":{}}}");
        ReceivedSpan span = awaitSpan(candidate -> "no-such-tool-4711".equals(candidate.attribute("gen_ai.tool.name")));
        assertEquals("tools/call", span.name(), "span names stay low in cardinality");
        String expected = answer.containsKey("error") ? String.valueOf(answer.getJsonObject("error").getInt("code")) : "tool_error";
        assertEquals(expected, span.attribute("error.type"), answer.toString());
        assertEquals("STATUS_CODE_ERROR", span.status());

        // notifications have spans too
        mcp.call(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":12345}}");
        awaitSpan(candidate -> "notifications/cancelled".equals(candidate.name()));
    }

    @Test
    void theSignInPageAndTheTokenEndpointAreTracedAsHttp() {
        // the sign-in before the tests: Liberty's own SERVER spans of the HTTP requests
        awaitSpan(candidate -> "SPAN_KIND_SERVER".equals(candidate.kind()) && mentions(candidate, "/token"));
        awaitSpan(candidate -> "SPAN_KIND_SERVER".equals(candidate.kind()) && mentions(candidate, "/login.xhtml"));
    }

    private static boolean mentions(ReceivedSpan span, String path) {
        return span.name().contains(path) || span.attributes().values().stream().anyMatch(value -> value.contains(path));
    }

    @Test
    void theBalancerKeepsMetricsFromThePublicWhileTheInstanceServesThem() {
        assertEquals(404, Http.get(cluster.balancerUrl() + "/metrics").statusCode(), "the shipped nginx configuration");
        assertEquals(404, Http.get(cluster.balancerUrl() + "/metrics/application").statusCode());
        HttpResponse<String> direct = Http.get(cluster.instanceUrl(1) + "/metrics");
        assertEquals(200, direct.statusCode());
        assertTrue(direct.body().contains("mcp_server_operation_duration_seconds_count{"), direct.body());
        assertEquals(200, Http.get(cluster.balancerUrl() + "/health/ready").statusCode(), "everything else passes");
    }

    private static ReceivedSpan awaitSpan(java.util.function.Predicate<ReceivedSpan> which) {
        Optional<ReceivedSpan> found = Eventually.await("the span exported", EXPORTED,
                () -> receiver.spans().stream().filter(which).findFirst(), Optional::isPresent);
        return found.orElseThrow();
    }

    static List<ReceivedSpan> spans() {
        return receiver.spans();
    }
}
