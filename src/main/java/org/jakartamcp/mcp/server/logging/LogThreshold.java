package org.jakartamcp.mcp.server.logging;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.session.McpSession;

/**
 * Which log messages reach a client. A session (before 2026-07-28) gets every level until it sets
 * one with logging/setLevel; a 2026-07-28 request gets none unless its {@code _meta} names a level.
 */
public final class LogThreshold {

    public static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";

    private LogThreshold() {
    }

    public static boolean emits(McpSession session, String level) {
        return emits(session.isStateless(), session.logLevel(), level);
    }

    static boolean emits(boolean stateless, String threshold, String level) {
        if (threshold == null) {
            return !stateless;
        }
        return LoggingHandler.LEVELS.indexOf(level) >= LoggingHandler.LEVELS.indexOf(threshold);
    }

    /** The level a 2026-07-28 request's {@code _meta} asks for; invalid params (-32602) when it is not a level. */
    public static Optional<String> requested(JsonObject meta) {
        JsonValue level = meta.get(META_LOG_LEVEL);
        if (level == null) {
            return Optional.empty();
        }
        if (!(level instanceof JsonString text) || !LoggingHandler.LEVELS.contains(text.getString())) {
            throw JsonRpcError.invalidParams("Invalid params: _meta." + META_LOG_LEVEL + " must be one of " + LoggingHandler.LEVELS);
        }
        return Optional.of(text.getString());
    }
}
