package org.jakartamcp.mcp.session;

/** Fired when a session is deleted, so that whatever was kept for it in memory goes too. */
public record SessionEnded(McpSession session) {
}
