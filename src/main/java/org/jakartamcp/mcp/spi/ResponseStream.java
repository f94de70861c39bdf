package org.jakartamcp.mcp.spi;

/**
 * The event stream that carries a tool call's result. A long-running tool may close the client's
 * connection to it; the client reconnects with Last-Event-ID and receives what follows (SSE polling,
 * MCP 2025-11-25).
 */
public interface ResponseStream {

    void closeConnection();
}
