package org.jakartamcp.mcp.spi;

import jakarta.json.JsonObject;

/**
 * Fired after a tool call succeeded, on the thread that answers it: an observer must be quick: queue
 * the work, as the calculation history does.
 *
 * @param principal who called
 * @param tool      the tool's name
 * @param arguments the arguments as sent
 * @param result    the result's text
 */
public record ToolCalled(String principal, String tool, JsonObject arguments, String result) {
}
