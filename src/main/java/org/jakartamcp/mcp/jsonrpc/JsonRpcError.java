package org.jakartamcp.mcp.jsonrpc;

import jakarta.json.JsonValue;

/**
 * A JSON-RPC 2.0 error, thrown by whatever handles a request and turned into the error response.
 * Its message goes to the client, so it says what was wrong with the request and nothing about the server.
 */
public class JsonRpcError extends RuntimeException {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP: a resource that does not exist. */
    public static final int RESOURCE_NOT_FOUND = -32002;
    /**
     * This server's own code (JSON-RPC's implementation-defined range, clear of the codes MCP and its SDKs
     * use) for a request refused by a per-request or per-user limit: too many at once, too many per
     * minute, or the request's time spent. Trying again later may succeed.
     */
    public static final int LIMIT_REACHED = -32010;

    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient JsonValue data;

    public JsonRpcError(int code, String message) {
        this(code, message, null);
    }

    public JsonRpcError(int code, String message, JsonValue data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public static JsonRpcError invalidParams(String message) {
        return new JsonRpcError(INVALID_PARAMS, message);
    }

    public static JsonRpcError invalidRequest(String message) {
        return new JsonRpcError(INVALID_REQUEST, message);
    }

    public int code() {
        return code;
    }

    public JsonValue data() {
        return data;
    }
}
