package org.jakartamcp.mcp.server.tools;

import org.jakartamcp.platform.errors.Incidents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jakartamcp.mcp.server.BeanMethods;
import org.jakartamcp.mcp.server.content.ContentJson;
import org.jakartamcp.mcp.server.mrtr.InputRequired;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.ClaimsExactness;
import org.jakartamcp.mcp.spi.ReadableResult;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.jakartamcp.mcp.spi.ToolResult;

/**
 * Calls a tool method: converts and validates the arguments, runs it on its bean, and turns what
 * it returns or throws into a tool result. A tool's failure is a result with {@code isError}, never
 * a protocol error: the model reads it and can try again.
 */
@ApplicationScoped
public class ToolInvoker {

    private static final Logger LOG = Logger.getLogger(ToolInvoker.class.getName());

    @Inject
    BeanMethods beanMethods;

    @Inject
    Validator validator;

    private Jsonb jsonb;
    private ArgumentConverter converter;
    /** Whether a tool method has any parameter constraint; most have none, and validating costs a reflective walk. */
    private final java.util.Map<java.lang.reflect.Method, Boolean> constrained = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void createJsonb() {
        jsonb = JsonbBuilder.create();
        converter = new ArgumentConverter(jsonb);
    }

    @PreDestroy
    void closeJsonb() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // JSON-B holds nothing that outlives the application
        }
    }


    /** Runs the tool; {@link Cancellation.CancelledException} passes through, everything else becomes a result. */
    /** @param context what the server supplies to the tool's other parameters; asked only by a tool that has such parameters */
    public JsonObject call(ToolDefinition tool, JsonObject arguments, java.util.function.Supplier<ToolCallContext> context,
                           boolean structuredOutput) {
        try {
            List<String> inDoubt = new ArrayList<>(0);
            Object[] values = arguments(tool, arguments, context, inDoubt);
            Object returned = beanMethods.withInstance(tool.bean(), instance -> {
                validate(tool, instance, values);
                return tool.method().invoke(instance, values);
            });
            if (inDoubt.isEmpty()) {
                return result(tool, returned, structuredOutput);
            }
            return inDoubt(tool, returned, structuredOutput, RoundedInTransit.note(inDoubt));
        } catch (InvocationTargetException e) {
            return failure(tool, e.getCause());
        } catch (ToolCallException | ConstraintViolationException e) {
            return failure(tool, e);
        } catch (IllegalAccessException e) {
            return failure(tool, e);
        }
    }

    private Object[] arguments(ToolDefinition tool, JsonObject arguments, java.util.function.Supplier<ToolCallContext> supplier,
                               List<String> inDoubt) {
        ToolCallContext context = null;
        if (!tool.argumentNames().containsAll(arguments.keySet())) {
            List<String> unknown = arguments.keySet().stream().filter(key -> !tool.argumentNames().contains(key)).sorted().toList();
            throw new ToolCallException("Unknown argument" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown)
                    + "; tool '" + tool.name() + "' takes " + (tool.argumentNames().isEmpty() ? "no arguments"
                    : quoted(tool.argumentNames())));
        }
        List<String> missing = new ArrayList<>();
        Object[] values = new Object[tool.parameters().size()];
        for (int i = 0; i < values.length; i++) {
            ToolParameter parameter = tool.parameters().get(i);
            if (parameter.supplied() != null) {
                if (context == null) {
                    context = supplier.get();
                }
                values[i] = context.supply(parameter.supplied());
            } else {
                JsonValue value = arguments.get(parameter.name());
                if (parameter.required() && (value == null || value.getValueType() == JsonValue.ValueType.NULL)) {
                    missing.add(parameter.name());
                } else {
                    values[i] = converter.convert(parameter.name(), value, parameter.type(), inDoubt);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ToolCallException("Missing required argument" + (missing.size() > 1 ? "s " : " ") + quoted(missing));
        }
        return values;
    }

    private void validate(ToolDefinition tool, Object instance, Object[] values) {
        if (!constrained.computeIfAbsent(tool.method(), this::hasParameterConstraints)) {
            return;
        }
        Set<ConstraintViolation<Object>> violations = validator.forExecutables()
                .validateParameters(instance, tool.method(), values);
        if (!violations.isEmpty()) {
            throw new ToolCallException(violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> "Argument '" + argumentName(tool, violation.getPropertyPath()) + "' "
                            + violation.getMessage())
                    .collect(Collectors.joining("; ")));
        }
    }

    private boolean hasParameterConstraints(java.lang.reflect.Method method) {
        var descriptor = validator.getConstraintsForClass(method.getDeclaringClass())
                .getConstraintsForMethod(method.getName(), method.getParameterTypes());
        return descriptor != null && descriptor.hasConstrainedParameters();
    }

    private static String argumentName(ToolDefinition tool, Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                String name = tool.parameters().get(index).name();
                return name != null ? name : node.getName();
            }
        }
        return path.toString();
    }

    private JsonObject result(ToolDefinition tool, Object returned, boolean structuredOutput) {
        if (returned instanceof ToolResult result) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("content", ContentJson.array(result.content()));
            if (structuredOutput && result.structuredContent() != null) {
                json.add("structuredContent", result.structuredContent());
            }
            if (result.isError()) {
                json.add("isError", true);
            }
            return json.build();
        }
        if (returned == null) {
            return content("", null, false);
        }
        if (!tool.structuredResult()) {
            return content(text(returned), null, false);
        }
        JsonObject structured = StructuredContent.of(returned);
        String json;
        if (structured == null) {
            json = jsonb.toJson(returned);
            try (JsonReader reader = JSON.createReader(new StringReader(json))) {
                structured = reader.readObject();
            }
        } else {
            json = returned instanceof ReadableResult ? null : structured.toString();
        }
        String text = returned instanceof ReadableResult readable ? readable.text() : json;
        return content(text, structuredOutput ? structured : null, false);
    }

    /**
     * The result of a call with a number argument that may have been rounded on its way (see {@link RoundedInTransit}):
     * a result that claims to be exact withdraws the claim, any other gets the note as a second text item.
     */
    private JsonObject inDoubt(ToolDefinition tool, Object returned, boolean structuredOutput, String note) {
        if (returned instanceof ClaimsExactness<?> claim) {
            return result(tool, claim.inDoubt(note), structuredOutput);
        }
        JsonObject result = result(tool, returned, structuredOutput);
        if (result.getBoolean("isError", false)) {
            return result;
        }
        return JSON.createObjectBuilder(result).add("content", JSON.createArrayBuilder(result.getJsonArray("content"))
                .add(JSON.createObjectBuilder().add("type", "text").add("text", "Note: " + note + "."))).build();
    }

    private static String text(Object returned) {
        if (returned instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(returned);
    }

    private JsonObject failure(ToolDefinition tool, Throwable failure) {
        InputRequired.rethrow(failure);
        if (failure instanceof Cancellation.CancelledException cancelled) {
            throw cancelled;
        }
        if (failure instanceof ToolCallException) {
            return content(failure.getMessage(), null, true);
        }
        if (failure instanceof ArithmeticException) {
            return content("Arithmetic error: " + failure.getMessage(), null, true);
        }
        if (failure instanceof ConstraintViolationException violations) {
            return content(violations.getConstraintViolations().stream()
                    .map(violation -> "Argument '" + argumentName(tool, violation.getPropertyPath()) + "' " + violation.getMessage())
                    .sorted().collect(Collectors.joining("; ")), null, true);
        }
        String incident = Incidents.log(LOG, "Tool '" + tool.name() + "'", failure);
        return content("Tool '" + tool.name() + "' failed with an internal error (incident " + incident + ")", null, true);
    }

    static JsonObject content(String text, JsonObject structured, boolean isError) {
        JsonArrayBuilder content = JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("type", "text").add("text", text));
        JsonObjectBuilder result = JSON.createObjectBuilder().add("content", content);
        if (structured != null) {
            result.add("structuredContent", structured);
        }
        if (isError) {
            result.add("isError", true);
        }
        return result.build();
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
