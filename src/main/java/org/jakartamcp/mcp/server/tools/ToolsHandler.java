package org.jakartamcp.mcp.server.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.jakartamcp.mcp.server.Pages;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.spi.Progress;

/** tools/list and tools/call. */
@ApplicationScoped
public class ToolsHandler implements McpMethodHandler {

    static final String LIST = "tools/list";
    static final String CALL = "tools/call";

    @Inject
    ToolRegistry registry;

    @Inject
    ToolInvoker invoker;

    @Inject
    ServerInfo serverInfo;

    @Override
    public Set<String> methods() {
        return Set.of(LIST, CALL);
    }

    @Override
    public JsonObject request(String method, JsonObject params, McpExchange exchange) {
        return LIST.equals(method) ? list(params, exchange) : call(params, exchange);
    }

    private JsonObject list(JsonObject params, McpExchange exchange) {
        boolean structured = exchange.session().protocolVersion().hasStructuredOutput();
        Pages.Page<ToolDefinition> page = Pages.of(registry.all(), cursor(params), serverInfo.pageSize());
        JsonArrayBuilder tools = Json.createArrayBuilder();
        page.items().forEach(tool -> tools.add(structured ? tool.descriptor() : tool.descriptorWithoutStructuredOutput()));
        JsonObjectBuilder result = Json.createObjectBuilder().add("tools", tools);
        if (page.nextCursor() != null) {
            result.add("nextCursor", page.nextCursor());
        }
        return result.build();
    }

    private JsonObject call(JsonObject params, McpExchange exchange) {
        if (!(params.get("name") instanceof JsonString name)) {
            throw JsonRpcError.invalidParams("Invalid params: tools/call needs \"name\" (a string)");
        }
        JsonValue arguments = params.get("arguments");
        if (arguments != null && arguments.getValueType() != JsonValue.ValueType.OBJECT
                && arguments.getValueType() != JsonValue.ValueType.NULL) {
            throw JsonRpcError.invalidParams("Invalid params: \"arguments\" must be an object");
        }
        ToolDefinition tool = registry.find(name.getString())
                .orElseThrow(() -> JsonRpcError.invalidParams("Unknown tool: " + name.getString()));
        JsonObject argumentObject = arguments instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        ProtocolVersion version = exchange.session().protocolVersion();
        ToolCallContext context = new ToolCallContext(progress(params, exchange), exchange::isCancelled);
        return invoker.call(tool, argumentObject, context, version.hasStructuredOutput());
    }

    private static Progress progress(JsonObject params, McpExchange exchange) {
        JsonValue token = params.get("_meta") instanceof JsonObject meta ? meta.get("progressToken") : null;
        if (!(token instanceof JsonString || token instanceof JsonNumber) || !exchange.canNotify()) {
            return ToolCallContext.NO_PROGRESS;
        }
        return (progress, total, message) -> {
            JsonObjectBuilder notification = Json.createObjectBuilder().add("progressToken", token).add("progress", progress);
            if (total != null) {
                notification.add("total", total);
            }
            if (message != null) {
                notification.add("message", message);
            }
            exchange.notify("notifications/progress", notification.build());
        };
    }

    private static String cursor(JsonObject params) {
        JsonValue cursor = params.get("cursor");
        if (cursor == null || cursor.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (cursor instanceof JsonString text) {
            return text.getString();
        }
        throw JsonRpcError.invalidParams("Invalid cursor");
    }
}
