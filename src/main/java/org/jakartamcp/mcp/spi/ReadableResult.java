package org.jakartamcp.mcp.spi;

/**
 * A structured tool result that also reads well as text: the server sends {@link #text()} as the
 * text content and the object itself as {@code structuredContent}.
 */
public interface ReadableResult {

    String text();
}
