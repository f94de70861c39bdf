package org.jakartamcp.mcp.spi;

import jakarta.json.JsonObject;
import java.time.Duration;

/** Asks the client's language model for a completion ({@code sampling/createMessage}) during a tool call. */
public interface Sampling {

    /** Whether the client declared the sampling capability. */
    boolean isSupported();

    /**
     * Sends {@code sampling/createMessage} with these params and waits for the result.
     *
     * @throws ToolCallException when the client does not support sampling, refuses, or does not answer in time
     */
    JsonObject createMessage(JsonObject params, Duration timeout);
}
