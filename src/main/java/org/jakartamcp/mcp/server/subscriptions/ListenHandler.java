package org.jakartamcp.mcp.server.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.server.McpMethodHandler;

/**
 * subscriptions/listen is a method of the server (2026-07-28), but its answer is a long-lived event
 * stream that the transport opens ({@code ListenStreams}): no thread waits here while it is open. A
 * request that reaches the dispatcher could not get that stream: a session of an older revision.
 */
@ApplicationScoped
public class ListenHandler implements McpMethodHandler {

    public static final String LISTEN = "subscriptions/listen";

    @Override
    public Set<String> methods() {
        return Set.of(LISTEN);
    }

    /** Like reading: it tells what changed, it runs nothing. */
    @Override
    public McpMethod.Access access(String method) {
        return McpMethod.Access.LIST;
    }

    @Override
    public JsonObject request(String method, JsonObject params, McpExchange exchange) {
        throw new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + LISTEN
                + " belongs to protocol 2026-07-28 and is answered with an event stream; sessions use resources/subscribe");
    }
}
