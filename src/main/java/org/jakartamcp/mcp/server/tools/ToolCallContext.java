package org.jakartamcp.mcp.server.tools;

import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.Progress;

/** What the server supplies to a tool call besides its arguments. */
public record ToolCallContext(Progress progress, Cancellation cancellation) {

    public static final Progress NO_PROGRESS = (progress, total, message) -> { };
    public static final Cancellation NOT_CANCELLABLE = () -> false;

    public static ToolCallContext none() {
        return new ToolCallContext(NO_PROGRESS, NOT_CANCELLABLE);
    }
}
