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
 * request that reaches the dispatcher could not get that stream: one that does not accept an event
 * stream, or a session of an older revision (which has resources/subscribe instead).
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
        if (exchange.session().isStateless()) {
            // the method exists; the request did not accept the stream it is answered with
            throw JsonRpcError.invalidRequest("Invalid Request: " + LISTEN + " is answered with an event stream; send it with "
                    + "Accept: application/json, text/event-stream");
        }
        throw new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + LISTEN
                + " belongs to protocol 2026-07-28 and is answered with an event stream; sessions use resources/subscribe");
    }
}
