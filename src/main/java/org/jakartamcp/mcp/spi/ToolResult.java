package org.jakartamcp.mcp.spi;

import jakarta.json.JsonObject;

/** A tool result spelled out: its text, optionally structured content, and whether it reports an error. */
public record ToolResult(String text, JsonObject structuredContent, boolean isError) {

    public static ToolResult text(String text) {
        return new ToolResult(text, null, false);
    }

    public static ToolResult error(String text) {
        return new ToolResult(text, null, true);
    }
}
