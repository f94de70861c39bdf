package org.jakartamcp.mcp.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.session.McpSession;

/** Requests this server sent to clients (sampling, elicitation), waiting for the responses the clients POST back. */
@ApplicationScoped
public class ClientRequests {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Key, CompletableFuture<JsonRpcMessage.Response>> pending = new ConcurrentHashMap<>();

    record Pending(String id, CompletableFuture<JsonRpcMessage.Response> response) {
    }

    Pending expect(McpSession session) {
        String id = "server-" + ids.incrementAndGet();
        CompletableFuture<JsonRpcMessage.Response> response = new CompletableFuture<>();
        Key key = new Key(session, id);
        pending.put(key, response);
        response.whenComplete((ignored, failure) -> pending.remove(key));
        return new Pending(id, response);
    }

    /** Completes the request this response answers; false when nothing waits for it. */
    boolean complete(McpSession session, JsonRpcMessage.Response response) {
        if (!(response.id() instanceof jakarta.json.JsonString id)) {
            return false;
        }
        CompletableFuture<JsonRpcMessage.Response> waiting = pending.get(new Key(session, id.getString()));
        return waiting != null && waiting.complete(response);
    }

    private record Key(McpSession session, String id) {
    }

    static JsonObject resultOrNull(JsonRpcMessage.Response response) {
        return response.result() instanceof JsonObject object ? object : response.error() == null ? JsonValue.EMPTY_JSON_OBJECT : null;
    }
}
