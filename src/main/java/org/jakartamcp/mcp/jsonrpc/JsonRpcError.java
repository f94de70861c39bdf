package org.jakartamcp.mcp.jsonrpc;

import static org.jakartamcp.platform.json.JsonP.JSON;

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
    /** MCP 2026-07-28: the routing headers (MCP-Protocol-Version, Mcp-Method, Mcp-Name, Mcp-Param-*) do not match the body. */
    public static final int HEADER_MISMATCH = -32020;
    /** MCP 2026-07-28: the request needs a client capability its {@code _meta} did not declare. */
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    /** MCP 2026-07-28: the request's protocol version is not one this server speaks. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

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

    /** -32021, naming the capability as a ClientCapabilities object ({@code {"sampling": {}}}), as the schema defines it. */
    public static JsonRpcError missingClientCapability(String capability, String message) {
        return new JsonRpcError(MISSING_REQUIRED_CLIENT_CAPABILITY, message, JSON.createObjectBuilder()
                .add("requiredCapabilities", JSON.createObjectBuilder().add(capability, JsonValue.EMPTY_JSON_OBJECT))
                .build());
    }

    public int code() {
        return code;
    }

    public JsonValue data() {
        return data;
    }
}
