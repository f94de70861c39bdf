package org.jakartamcp.mcp.server.logging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.jakartamcp.mcp.session.SessionStore;

/** logging/setLevel: the least severe level of notifications/message the client wants to receive. */
@ApplicationScoped
public class LoggingHandler implements McpMethodHandler {

    /** RFC 5424 severities, least severe first, as MCP names them. */
    public static final List<String> LEVELS = List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    @Inject
    SessionStore sessions;

    @Override
    public Set<String> methods() {
        return Set.of("logging/setLevel");
    }

    @Override
    public McpMethod.Access access(String method) {
        return McpMethod.Access.OPEN;
    }

    /** 2026-07-28 sets the level per request, in {@code _meta}. */
    @Override
    public boolean inStatelessProtocol(String method) {
        return false;
    }

    @Override
    public JsonObject request(String method, JsonObject params, McpExchange exchange) {
        if (!(params.get("level") instanceof JsonString level) || !LEVELS.contains(level.getString())) {
            throw JsonRpcError.invalidParams("Invalid params: \"level\" must be one of " + LEVELS);
        }
        sessions.logLevel(exchange.session(), level.getString());
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
