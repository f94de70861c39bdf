package org.jakartamcp.mcp.server.tools;

import java.util.Set;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.ClientInput;
import org.jakartamcp.mcp.spi.Elicitation;
import org.jakartamcp.mcp.spi.McpLog;
import org.jakartamcp.mcp.spi.Progress;
import org.jakartamcp.mcp.spi.ResponseStream;
import org.jakartamcp.mcp.spi.Roots;
import org.jakartamcp.mcp.spi.Sampling;

/** What the server supplies to a tool call besides its arguments. */
public record ToolCallContext(Progress progress, Cancellation cancellation, McpLog log, Sampling sampling,
                              Elicitation elicitation, Roots roots, ClientInput input, ResponseStream stream, Caller caller) {

    /** The parameter types the server supplies. */
    static final Set<Class<?>> SUPPLIED = Set.of(Progress.class, Cancellation.class, McpLog.class, Sampling.class,
            Elicitation.class, Roots.class, ClientInput.class, ResponseStream.class, Caller.class);

    static final Progress NO_PROGRESS = (progress, total, message) -> { };

    Object supply(Class<?> type) {
        if (type == Progress.class) {
            return progress;
        }
        if (type == Cancellation.class) {
            return cancellation;
        }
        if (type == McpLog.class) {
            return log;
        }
        if (type == Sampling.class) {
            return sampling;
        }
        if (type == Elicitation.class) {
            return elicitation;
        }
        if (type == Roots.class) {
            return roots;
        }
        if (type == ClientInput.class) {
            return input;
        }
        if (type == Caller.class) {
            return caller;
        }
        return stream;
    }
}
