package org.jakartamcp.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Raw Streamable HTTP requests, for tests that check the transport's answers byte by byte. */
public final class McpHttp {

    public static final String ACCEPT = "application/json, text/event-stream";
    public static final String STATELESS_VERSION = "2026-07-28";
    private static final AtomicLong STATELESS_IDS = new AtomicLong();
    private final String url;
    private final String token;

    /** Requests with the shared test access token ({@link TestTokens}). */
    public McpHttp(String url) {
        this(url, null);
    }

    /** Requests with the given access token. */
    public McpHttp(String url, String token) {
        this.url = url;
        this.token = token;
    }

    public HttpRequest.Builder post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request.build());
    }

    /** Opens a session at the given protocol version and returns its id. */
    public String initialize(String protocolVersion) {
        return initialize(protocolVersion, JsonObject.EMPTY_JSON_OBJECT);
    }

    /** Opens a session at the given protocol version, the client declaring these capabilities, and returns its id. */
    public String initialize(String protocolVersion, JsonObject capabilities) {
        HttpResponse<String> response = send(post(initializeRequest(1, protocolVersion, capabilities)));
        if (response.statusCode() != 200) {
            throw new AssertionError("initialize: " + response.statusCode() + " " + response.body());
        }
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        send(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").header("Mcp-Session-Id", session));
        return session;
    }

    public HttpResponse<String> call(String session, String body) {
        return send(post(body).header("Mcp-Session-Id", session));
    }

    public JsonObject result(String session, String body) {
        HttpResponse<String> response = call(session, body);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    /**
     * A request of the stateless protocol 2026-07-28: its version, capabilities (none) and client in {@code _meta}
     * of {@code params}, and the routing headers that repeat the body ({@code name}: the {@code Mcp-Name}, or null).
     */
    public HttpResponse<String> stateless(String method, String name, JsonObject params) {
        return stateless(method, name, params, JsonObject.EMPTY_JSON_OBJECT);
    }

    /** The same with these client capabilities; each request has an id of its own, as a retry must. */
    public HttpResponse<String> stateless(String method, String name, JsonObject params, JsonObject capabilities) {
        JsonObject request = statelessRequest(STATELESS_IDS.incrementAndGet(), method, params, capabilities);
        HttpRequest.Builder post = post(request.toString()).header("MCP-Protocol-Version", STATELESS_VERSION).header("Mcp-Method", method);
        return send(name == null ? post : post.header("Mcp-Name", name));
    }

    /** The HTTP status of an initialize request to {@code base}/mcp with this access token. */
    public static int initializeStatus(String base, String token) {
        McpHttp mcp = new McpHttp(base + "/mcp", token);
        return mcp.send(mcp.post(initializeRequest(1, "2025-11-25"))).statusCode();
    }

    /** The body of a stateless (2026-07-28) request: {@code params} with the {@code _meta} that names the version, these capabilities and the client. */
    public static JsonObject statelessRequest(long id, String method, JsonObject params, JsonObject capabilities) {
        JsonObject meta = Json.createObjectBuilder().add("io.modelcontextprotocol/protocolVersion", STATELESS_VERSION)
                .add("io.modelcontextprotocol/clientCapabilities", capabilities)
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "test").add("version", "1"))
                .build();
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method)
                .add("params", Json.createObjectBuilder(params).add("_meta", meta)).build();
    }

    public static String initializeRequest(int id, String protocolVersion) {
        return initializeRequest(id, protocolVersion, JsonObject.EMPTY_JSON_OBJECT);
    }

    public static String initializeRequest(int id, String protocolVersion, JsonObject capabilities) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + protocolVersion + "\",\"capabilities\":" + capabilities + ",\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
    }
}
