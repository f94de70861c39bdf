package org.jakartamcp.mcp.spi;

import jakarta.json.JsonObject;
import java.util.List;

/** A tool result spelled out: its content, optionally structured content, and whether it reports an error. */
public record ToolResult(List<Content> content, JsonObject structuredContent, boolean isError) {

    public ToolResult {
        content = List.copyOf(content);
    }

    public static ToolResult text(String text) {
        return new ToolResult(List.of(new Content.Text(text)), null, false);
    }

    public static ToolResult error(String text) {
        return new ToolResult(List.of(new Content.Text(text)), null, true);
    }

    public static ToolResult of(Content... content) {
        return new ToolResult(List.of(content), null, false);
    }
}
