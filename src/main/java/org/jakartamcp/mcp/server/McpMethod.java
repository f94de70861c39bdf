package org.jakartamcp.mcp.server;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * What a transport needs to know about one method before it hands a request to the engine, as the
 * method's handler declares it: so that the transports keep no method-name tables of their own.
 *
 * @param access    what the caller's access token must allow; unknown methods need the most (deny by default)
 * @param stateless whether the method exists in the stateless protocol (2026-07-28 removed initialize, ping, ...)
 * @param namedBy   the params field that the {@code Mcp-Name} header repeats, or null
 */
public record McpMethod(String name, Access access, boolean stateless, String namedBy, McpMethodHandler handler) {

    /** The access a method needs, weakest first. */
    public enum Access {
        /** Anyone with a valid access token (lifecycle, discovery). */
        OPEN,
        /** Listing and reading tools, resources and prompts. */
        LIST,
        /** Calling tools; also what an unknown method needs. */
        CALL
    }

    /** A tool argument the client mirrors into an {@code Mcp-Param-{header}} header; {@code value} null when the body has none. */
    public record ParamHeader(String header, JsonValue value) {
    }

    static McpMethod of(String name, McpMethodHandler handler) {
        return new McpMethod(name, handler.access(name), handler.inStatelessProtocol(name), handler.namedBy(name), handler);
    }

    static McpMethod unknown(String name) {
        return new McpMethod(name, Access.CALL, false, null, null);
    }

    public boolean exists() {
        return handler != null;
    }

    /** Whether answering this request may send the client something before its result (progress, logs, requests). */
    public boolean talksToClient(JsonObject params) {
        return handler != null && handler.talksToClient(name, params);
    }

    /** The {@code Mcp-Param-*} headers this request must carry, with the body values they must match. */
    public List<ParamHeader> paramHeaders(JsonObject params) {
        return handler == null ? List.of() : handler.paramHeaders(name, params);
    }
}
