package org.jakartamcp.mcp.server;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Handles one group of MCP methods (lifecycle, tools, logging, ...). Implementations are CDI beans.
 * Besides answering, a handler declares per method what the transports need to know ({@link McpMethod}).
 */
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

    /** What the caller's access token must allow for this method; the most unless the handler says less. */
    default McpMethod.Access access(String method) {
        return McpMethod.Access.CALL;
    }

    /** Whether the method is part of the stateless protocol (2026-07-28) as well as of the session-based ones. */
    default boolean inStatelessProtocol(String method) {
        return true;
    }

    /** The params field the {@code Mcp-Name} header repeats for this method, or null when it has none. */
    default String namedBy(String method) {
        return null;
    }

    /** Whether answering may send the client something before the result, so that it is best answered on an event stream. */
    default boolean talksToClient(String method, JsonObject params) {
        return false;
    }

    /** The {@code Mcp-Param-*} headers a request of this method must carry (tool arguments marked {@code x-mcp-header}). */
    default List<McpMethod.ParamHeader> paramHeaders(String method, JsonObject params) {
        return List.of();
    }
}
