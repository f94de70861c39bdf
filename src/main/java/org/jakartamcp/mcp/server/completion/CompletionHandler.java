package org.jakartamcp.mcp.server.completion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.server.AnnotatedBeanMethod;
import org.jakartamcp.mcp.server.BeanMethods;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.jakartamcp.platform.telemetry.LogTrace;

/**
 * completion/complete: suggestions for a prompt argument ({@code ref/prompt}, by the prompt's name) or a resource
 * template variable ({@code ref/resource}, by the template's URI template, as the specification names it).
 */
@ApplicationScoped
public class CompletionHandler implements McpMethodHandler {

    private static final Logger LOG = Logger.getLogger(CompletionHandler.class.getName());
    /** MCP caps a completion answer at 100 values. */
    static final int MAX_VALUES = 100;

    @Inject
    CompletionDiscoveryExtension discovery;

    @Inject
    BeanMethods beanMethods;

    @Override
    public Set<String> methods() {
        return Set.of("completion/complete");
    }

    @Override
    public McpMethod.Access access(String method) {
        return McpMethod.Access.LIST;
    }

    @Override
    public JsonObject request(String method, JsonObject params, McpExchange exchange) {
        JsonObject ref = params.get("ref") instanceof JsonObject object ? object : null;
        JsonObject argument = params.get("argument") instanceof JsonObject object ? object : null;
        if (ref == null || argument == null || !(ref.get("type") instanceof JsonString type)
                || !(argument.get("name") instanceof JsonString name) || !(argument.get("value") instanceof JsonString value)) {
            throw JsonRpcError.invalidParams("Invalid params: completion/complete needs \"ref\" (with \"type\") and "
                    + "\"argument\" (with \"name\" and \"value\")");
        }
        CompletionDiscoveryExtension.Target target = switch (type.getString()) {
            case "ref/prompt" -> new CompletionDiscoveryExtension.Target(true, ref.getString("name", ""), name.getString());
            case "ref/resource" -> new CompletionDiscoveryExtension.Target(false, ref.getString("uri", ""), name.getString());
            default -> throw JsonRpcError.invalidParams("Invalid params: ref type must be ref/prompt or ref/resource");
        };
        List<String> values = complete(target, value.getString());
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.stream().limit(MAX_VALUES).forEach(array::add);
        return JSON.createObjectBuilder().add("completion", JSON.createObjectBuilder()
                .add("values", array).add("total", values.size()).add("hasMore", values.size() > MAX_VALUES)).build();
    }

    @SuppressWarnings("unchecked")
    private List<String> complete(CompletionDiscoveryExtension.Target target, String partial) {
        AnnotatedBeanMethod completer = discovery.completer(target);
        if (completer == null) {
            return List.of();
        }
        try {
            Object values = beanMethods.invoke(completer.bean(), completer.method(), partial);
            return values == null ? List.of() : (List<String>) values;
        } catch (InvocationTargetException | IllegalAccessException e) {
            LOG.log(Level.WARNING, "Completion for " + target + " failed" + LogTrace.tag(), e);
            return List.of();
        }
    }
}
