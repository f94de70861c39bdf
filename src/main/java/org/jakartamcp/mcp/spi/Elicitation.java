package org.jakartamcp.mcp.spi;

import jakarta.json.JsonObject;
import java.time.Duration;

/** Asks the user for input through the client ({@code elicitation/create}) during a tool call. */
public interface Elicitation {

    /** Whether the client declared the elicitation capability. */
    boolean isSupported();

    /**
     * Shows the message and a form for the schema; returns the client's result ({@code action} and {@code content}).
     *
     * @throws ToolCallException when the client does not support elicitation or does not answer in time
     */
    JsonObject elicit(String message, JsonObject requestedSchema, Duration timeout);
}
