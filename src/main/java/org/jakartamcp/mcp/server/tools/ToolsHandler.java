package org.jakartamcp.mcp.server.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.jakartamcp.mcp.server.Pages;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.server.caching.CacheHints;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.ToolCalled;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.ratelimit.ConcurrencyLimit;

/** tools/list and tools/call. */
@ApplicationScoped
public class ToolsHandler implements McpMethodHandler {

    static final String LIST = "tools/list";
    public static final String CALL = "tools/call";

    @Inject
    ToolRegistry registry;

    @Inject
    ToolInvoker invoker;

    @Inject
    ServerInfo serverInfo;

    @Inject
    Event<ToolCalled> toolCalls;

    @Inject
    AuditTrail audit;

    @Inject
    McpLimits limits;

    @Inject
    CacheHints cacheHints;

    /** How long one tool call may run; a tool that checks its {@link Cancellation} stops there with an error result. */
    @Inject
    @ConfigProperty(name = "mcp.tool-time-limit-seconds", defaultValue = "60")
    int timeLimitSeconds;

    /** How long one tool call may run. */
    public Duration timeLimit() {
        return Duration.ofSeconds(timeLimitSeconds);
    }

    @Override
    public Set<String> methods() {
        return Set.of(LIST, CALL);
    }

    @Override
    public JsonObject request(String method, JsonObject params, McpExchange exchange) {
        return LIST.equals(method) ? list(params, exchange) : call(params, exchange);
    }

    @Override
    public McpMethod.Access access(String method) {
        return CALL.equals(method) ? McpMethod.Access.CALL : McpMethod.Access.LIST;
    }

    @Override
    public String namedBy(String method) {
        return CALL.equals(method) ? "name" : null;
    }

    @Override
    public boolean talksToClient(String method, JsonObject params) {
        return CALL.equals(method) && talksToTheClient(params);
    }

    /** The arguments of the called tool that its schema marks {@code x-mcp-header}, with their values in this call. */
    @Override
    public List<McpMethod.ParamHeader> paramHeaders(String method, JsonObject params) {
        if (!CALL.equals(method) || !(params.get("name") instanceof JsonString name)) {
            return List.of();
        }
        List<ToolHeaderParams.Param> marked = registry.headerParams(name.getString());
        if (marked.isEmpty()) {
            return List.of();
        }
        JsonValue arguments = params.get("arguments");
        return marked.stream().map(param -> new McpMethod.ParamHeader(param.header(), param.valueIn(arguments))).toList();
    }

    /** Whether answering this tools/call may involve messages to the client before the result. */
    public boolean talksToTheClient(JsonObject params) {
        boolean wantsProgress = params.get("_meta") instanceof JsonObject meta && meta.containsKey("progressToken");
        return wantsProgress || (params.get("name") instanceof JsonString name
                && registry.find(name.getString()).map(ToolDefinition::talksToTheClient).orElse(false));
    }

    private JsonObject list(JsonObject params, McpExchange exchange) {
        boolean structured = exchange.session().protocolVersion().hasStructuredOutput();
        List<ToolDefinition> callable = registry.all().stream().filter(tool -> tool.allows(exchange.caller())).toList();
        JsonObject page = Pages.list("tools", callable, params, serverInfo.pageSize(),
                tool -> structured ? tool.descriptor() : tool.descriptorWithoutStructuredOutput());
        return cacheHints.addTo(page, cacheHints.list(registry.filtersByCaller()), params, exchange);
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
        Caller caller = exchange.caller();
        if (caller.machine() && !tool.machineCallers()) {
            // the same kind of answer as a person outside the tool's groups: a tool error result the model can read
            audit.recordRepeated(AuditTrail.TOOL_REFUSED, caller.principal(), "first: tool " + tool.name() + ", no machine callers");
            return ToolInvoker.content("Tool '" + tool.name() + "' does not accept machine callers: " + caller.principal()
                    + " is a service client (client credentials), and this tool is only for people signed in. Ask your "
                    + "administrator to allow it (mcp.tool-machine-callers." + tool.name() + ").", null, true);
        }
        if (!tool.allows(caller)) {
            audit.recordRepeated(AuditTrail.TOOL_REFUSED, caller.principal(), "first: tool " + tool.name() + ", limited to " + tool.groups());
            return ToolInvoker.content("Tool '" + tool.name() + "' is only for members of " + String.join(", ", new TreeSet<>(tool.groups()))
                    + "; " + caller.principal() + " is not in any of them. Ask your administrator for access.", null, true);
        }
        ProtocolVersion version = exchange.session().protocolVersion();
        ConcurrencyLimit running = limits.callsPerUser();
        if (!running.tryAcquire(caller.principal())) {
            throw new JsonRpcError(JsonRpcError.LIMIT_REACHED, "Too many tool calls at once: " + caller.principal() + " already has "
                    + running.max() + " running, the most this server runs at once for one user; try again when one has finished");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeLimitSeconds);
        JsonObject result;
        try {
            result = invoker.call(tool, argumentObject, () -> ClientFeatures.of(params, exchange, deadline), version.hasStructuredOutput());
        } catch (Cancellation.CancelledException e) {
            if (exchange.isCancelled()) {
                throw e;
            }
            return ToolInvoker.content("Tool '" + tool.name() + "' was stopped: it ran past the time limit of "
                    + timeLimitSeconds + " s for one call", null, true);
        } finally {
            running.release(caller.principal());
        }
        if (!result.getBoolean("isError", false)) {
            toolCalls.fire(new ToolCalled(exchange.session().principal(), tool.name(), argumentObject,
                    result.getJsonArray("content").getJsonObject(0).getString("text", "")));
        }
        return result;
    }
}
