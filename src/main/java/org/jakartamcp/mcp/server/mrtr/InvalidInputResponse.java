package org.jakartamcp.mcp.server.mrtr;

import org.jakartamcp.mcp.jsonrpc.JsonRpcError;

/**
 * A client's answer that is not a result of the question's method: the client's protocol error
 * (-32602), raised where the handler asks, and passed through the handler like {@link InputRequired}.
 */
final class InvalidInputResponse extends JsonRpcError {

    private static final long serialVersionUID = 1L;

    InvalidInputResponse(String message) {
        super(INVALID_PARAMS, message);
    }
}
