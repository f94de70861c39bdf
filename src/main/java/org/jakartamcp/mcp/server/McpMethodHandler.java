package org.jakartamcp.mcp.server;

import jakarta.json.JsonObject;
import java.util.Set;

/** Handles one group of MCP methods (lifecycle, tools, logging, ...). Implementations are CDI beans. */
public interface McpMethodHandler {

    /** The request and notification methods this handler answers. */
    Set<String> methods();

    /** Answers a request; throws {@link org.jakartamcp.mcp.jsonrpc.JsonRpcError} for a protocol error. */
    default JsonObject request(String method, JsonObject params, McpExchange exchange) {
        throw new org.jakartamcp.mcp.jsonrpc.JsonRpcError(org.jakartamcp.mcp.jsonrpc.JsonRpcError.METHOD_NOT_FOUND,
                "Method not found: " + method + " is a notification");
    }

    /** Takes a notification; there is no answer, so failures are only logged. */
    default void notification(String method, JsonObject params, McpExchange exchange) {
    }

    /** Whether the method may be called before the session is initialized. */
    default boolean allowedBeforeInitialize(String method) {
        return false;
    }
}
