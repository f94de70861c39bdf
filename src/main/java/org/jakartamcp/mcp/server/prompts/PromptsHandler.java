package org.jakartamcp.mcp.server.prompts;

import org.jakartamcp.platform.errors.Incidents;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.server.BeanMethods;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.jakartamcp.mcp.server.Pages;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.server.caching.CacheHints;
import org.jakartamcp.mcp.server.content.ContentJson;
import org.jakartamcp.mcp.server.mrtr.ExchangeInput;
import org.jakartamcp.mcp.server.mrtr.InputRequired;
import org.jakartamcp.mcp.spi.PromptMessage;
import org.jakartamcp.mcp.spi.ToolCallException;

/** prompts/list and prompts/get. */
@ApplicationScoped
public class PromptsHandler implements McpMethodHandler {

    private static final Logger LOG = Logger.getLogger(PromptsHandler.class.getName());

    @Inject
    PromptDiscoveryExtension discovery;

    @Inject
    BeanMethods beanMethods;

    @Inject
    ServerInfo serverInfo;

    @Inject
    CacheHints cacheHints;

    /** The parameter types a prompt method may have besides its String arguments: the client's answers. */
    static final Set<Class<?>> SUPPLIED = ExchangeInput.TYPES;

    private List<PromptDefinition> prompts;

    @PostConstruct
    void order() {
        prompts = discovery.prompts().stream().sorted(Comparator.comparing(PromptDefinition::name)).toList();
    }

    @Override
    public Set<String> methods() {
        return Set.of("prompts/list", "prompts/get");
    }

    @Override
    public McpMethod.Access access(String method) {
        return McpMethod.Access.LIST;
    }

    @Override
    public String namedBy(String method) {
        return "prompts/get".equals(method) ? "name" : null;
    }

    /** A prompt that asks the client (sampling, elicitation, roots) needs a stream in a session, where its questions go. */
    @Override
    public boolean talksToClient(String method, JsonObject params) {
        return "prompts/get".equals(method) && params.get("name") instanceof JsonString name && find(name.getString())
                .map(prompt -> prompt.supplied().stream()
                        .anyMatch(type -> type != null && ExchangeInput.TYPES.contains(type))).orElse(false); // null: an argument
    }

    @Override
    public JsonObject request(String method, JsonObject params, McpExchange exchange) {
        return "prompts/list".equals(method) ? list(params, exchange) : get(params, exchange);
    }

    public Optional<List<String>> argumentNames(String prompt) {
        return find(prompt).map(definition -> definition.arguments().stream().map(PromptDefinition.Argument::name).toList());
    }

    private Optional<PromptDefinition> find(String name) {
        return prompts.stream().filter(prompt -> prompt.name().equals(name)).findFirst();
    }

    /** The same prompts for everyone. */
    private JsonObject list(JsonObject params, McpExchange exchange) {
        return cacheHints.addTo(Pages.list("prompts", prompts, params, serverInfo.pageSize(), PromptDefinition::descriptor),
                cacheHints.list(false), params, exchange);
    }

    private JsonObject get(JsonObject params, McpExchange exchange) {
        if (!(params.get("name") instanceof JsonString name)) {
            throw JsonRpcError.invalidParams("Invalid params: \"name\" (a string) is required");
        }
        PromptDefinition prompt = find(name.getString())
                .orElseThrow(() -> JsonRpcError.invalidParams("Unknown prompt: " + name.getString()));
        JsonObject given = params.get("arguments") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        List<Object> arguments = new ArrayList<>();
        for (PromptDefinition.Argument argument : prompt.arguments()) {
            JsonValue value = given.get(argument.name());
            if (value == null && argument.required()) {
                throw JsonRpcError.invalidParams("Missing required argument '" + argument.name() + "' of prompt " + prompt.name());
            }
            arguments.add(value instanceof JsonString text ? text.getString() : value == null ? null : value.toString());
        }
        return JSON.createObjectBuilder().add("messages", messages(render(prompt, values(prompt, arguments, exchange)))).build();
    }

    /** The method's parameters: the arguments in order, and what the server supplies in between. */
    private static Object[] values(PromptDefinition prompt, List<Object> arguments, McpExchange exchange) {
        Object[] values = new Object[prompt.supplied().size()];
        ExchangeInput input = null;
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            Class<?> type = prompt.supplied().get(i);
            if (type == null) {
                values[i] = arguments.get(next++);
                continue;
            }
            input = input == null ? new ExchangeInput(exchange, UnaryOperator.identity()) : input;
            values[i] = input.supply(type);
        }
        return values;
    }

    private Object render(PromptDefinition prompt, Object[] arguments) {
        try {
            return beanMethods.invoke(prompt.bean(), prompt.method(), arguments);
        } catch (InvocationTargetException e) {
            InputRequired.rethrow(e.getCause());
            if (e.getCause() instanceof ToolCallException refusal) {
                throw JsonRpcError.invalidParams(refusal.getMessage());
            }
            throw failure(prompt, e.getCause());
        } catch (IllegalAccessException e) {
            throw failure(prompt, e);
        }
    }

    private static JsonArrayBuilder messages(Object rendered) {
        List<?> messages = rendered instanceof List<?> list ? list : List.of(rendered);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Object message : messages) {
            PromptMessage prompt = message instanceof PromptMessage typed ? typed : PromptMessage.user(String.valueOf(message));
            array.add(JSON.createObjectBuilder()
                    .add("role", prompt.role().name().toLowerCase(Locale.ROOT))
                    .add("content", ContentJson.of(prompt.content())));
        }
        return array;
    }

    private static JsonRpcError failure(PromptDefinition prompt, Throwable cause) {
        String incident = Incidents.log(LOG, "Prompt " + prompt.name(), cause);
        return new JsonRpcError(JsonRpcError.INTERNAL_ERROR, "The prompt could not be rendered (incident " + incident + ")");
    }
}
