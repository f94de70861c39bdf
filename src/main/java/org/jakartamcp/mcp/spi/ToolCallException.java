package org.jakartamcp.mcp.spi;

/**
 * A failure the model should read: the server returns the message as a tool result with
 * {@code isError: true}, so the model can correct its call.
 */
public class ToolCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolCallException(String message) {
        super(message, null, false, false);
    }
}
