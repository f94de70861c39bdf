package org.jakartamcp.mcp.session;

/**
 * Fired when a session is deleted or expires, so that whatever was kept for it in memory goes too;
 * also when this instance only drops it from its cache ({@code deleted} false): then the session goes
 * on, read again at its next request, and what runs for it is left to finish.
 */
public record SessionEnded(McpSession session, boolean deleted) {
}
