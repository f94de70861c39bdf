package org.jakartamcp.mcp.server.mrtr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jakartamcp.mcp.spi.InputRequest;

/**
 * Ends a round of a stateless request at the first question the client has not answered yet: the
 * handler stops here, and the client gets these questions in an input-required result. Not an error,
 * so it carries no stack trace.
 */
public final class InputRequired extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, InputRequest> asks;

    InputRequired(Map<String, InputRequest> asks) {
        super("input required: " + asks.keySet(), null, false, false);
        this.asks = Collections.unmodifiableMap(new LinkedHashMap<>(asks));
    }

    /** The questions by key, in the order they were asked. */
    public Map<String, InputRequest> asks() {
        return asks;
    }

    /**
     * Lets the end of a round, or a protocol error the asking raised (a malformed answer, a capability the
     * client did not declare), through code that turns every other
     * failure of a bean method into an error of its own.
     */
    public static void rethrow(Throwable failure) {
        if (failure instanceof InputRequired required) {
            throw required;
        }
        if (failure instanceof org.jakartamcp.mcp.jsonrpc.JsonRpcError protocolError) {
            throw protocolError; // a malformed answer (-32602), or a capability the client did not declare (-32021)
        }
    }
}
