package org.jakartamcp.mcp.spi;

import jakarta.json.JsonObject;

/**
 * Fired asynchronously (observe it with {@code @ObservesAsync}) after a tool call succeeded.
 *
 * @param principal who called
 * @param tool      the tool's name
 * @param arguments the arguments as sent
 * @param result    the result's text
 */
public record ToolCalled(String principal, String tool, JsonObject arguments, String result) {
}
