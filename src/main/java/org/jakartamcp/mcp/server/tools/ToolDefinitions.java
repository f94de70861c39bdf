package org.jakartamcp.mcp.server.tools;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jakartamcp.mcp.server.schema.JsonSchemas;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;
import org.jakartamcp.mcp.spi.ToolResult;

/** Reads a {@link Tool} method into a {@link ToolDefinition}, or says what is wrong with it. */
final class ToolDefinitions {

    /** Told about every argument that takes numbers as strings (see {@link JsonSchemas#ofArgument}). */
    static final String NUMBER_STRINGS = "Send a number of more than 15 significant digits as a string "
            + "(\"-12345678901234567890.5\"): as a JSON number, a client may round it to a binary double.";

    /** The tool name rule of MCP 2025-11-25. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private ToolDefinitions() {
    }

    static ToolDefinition read(Bean<?> bean, Method method) {
        Tool tool = method.getAnnotation(Tool.class);
        String name = tool.name().isEmpty() ? method.getName() : tool.name();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' of " + method
                    + " must be 1 to 128 letters, digits, '_', '-' or '.'");
        }
        if (tool.description().isBlank()) {
            throw new IllegalArgumentException("tool '" + name + "' of " + method + " needs a description");
        }
        List<ToolParameter> parameters = new ArrayList<>();
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        JsonArrayBuilder required = JSON.createArrayBuilder();
        for (Parameter parameter : method.getParameters()) {
            Class<?> type = parameter.getType();
            if (ToolCallContext.SUPPLIED.contains(type)) {
                parameters.add(new ToolParameter(null, type, false, type));
                continue;
            }
            ToolArg arg = parameter.getAnnotation(ToolArg.class);
            if (!parameter.isNamePresent() && (arg == null || arg.name().isEmpty())) {
                throw new IllegalArgumentException(method + " is compiled without -parameters; name its arguments with @ToolArg(name)");
            }
            String argName = arg != null && !arg.name().isEmpty() ? arg.name() : parameter.getName();
            boolean isRequired = (arg == null || arg.required()) && !JsonSchemas.isOptional(parameter.getParameterizedType());
            JsonObject schema = JsonSchemas.ofArgument(parameter.getParameterizedType(), parameter.getAnnotations());
            String description = arg != null && !arg.description().isBlank() ? arg.description() : "";
            if (JsonSchemas.takesNumberStrings(parameter.getParameterizedType())) {
                description = description.isEmpty() ? NUMBER_STRINGS
                        : description + (description.endsWith(".") ? " " : ". ") + NUMBER_STRINGS;
            }
            if (!description.isEmpty()) {
                schema = JSON.createObjectBuilder(schema).add("description", description).build();
            }
            if (arg != null && !arg.header().isEmpty()) {
                schema = JSON.createObjectBuilder(schema).add(ToolHeaderParams.MARK, arg.header()).build();
            }
            properties.add(argName, schema);
            if (isRequired) {
                required.add(argName);
            }
            parameters.add(new ToolParameter(argName, parameter.getParameterizedType(), isRequired, null));
        }
        JsonObjectBuilder inputSchema = JSON.createObjectBuilder().add("type", "object").add("properties", properties);
        var requiredNames = required.build();
        if (!requiredNames.isEmpty()) {
            inputSchema.add("required", requiredNames);
        }
        inputSchema.add("additionalProperties", false);

        JsonObjectBuilder descriptor = JSON.createObjectBuilder().add("name", name);
        JsonObjectBuilder legacy = JSON.createObjectBuilder().add("name", name);
        if (!tool.title().isBlank()) {
            descriptor.add("title", tool.title());
        }
        descriptor.add("description", tool.description());
        legacy.add("description", tool.description());
        JsonObject input = tool.inputSchema().isBlank() ? inputSchema.build() : explicitSchema(name, tool.inputSchema());
        ToolHeaderParams.of(name, input); // refuses a tool whose x-mcp-header marks break the rules, at deployment
        descriptor.add("inputSchema", input);
        legacy.add("inputSchema", input);
        Type returned = method.getGenericReturnType();
        boolean structured = returnsStructuredContent(method.getReturnType());
        if (structured) {
            descriptor.add("outputSchema", JsonSchemas.of(returned));
        }
        JsonObject annotations = annotations(tool);
        descriptor.add("annotations", !tool.title().isBlank()
                ? JSON.createObjectBuilder(annotations).add("title", tool.title()).build() : annotations);
        legacy.add("annotations", annotations);
        RolesAllowed roles = Stream.of(method.getAnnotation(RolesAllowed.class), method.getDeclaringClass().getAnnotation(RolesAllowed.class),
                bean.getBeanClass().getAnnotation(RolesAllowed.class)).filter(Objects::nonNull).findFirst().orElse(null);
        return new ToolDefinition(name, descriptor.build(), legacy.build(), bean, method, List.copyOf(parameters), structured,
                roles == null ? Set.of() : Set.of(roles.value()), tool.machineCallers());
    }

    private static JsonObject explicitSchema(String tool, String json) {
        try (var reader = JSON.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the inputSchema of tool '" + tool + "' is not a JSON object: " + e.getMessage());
        }
    }

    /** Objects (records, beans, maps) are structured results; text, numbers and {@link ToolResult} are not. */
    static boolean returnsStructuredContent(Class<?> type) {
        return !(type == void.class || type == Void.class || type == String.class || type == ToolResult.class
                || type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class
                || type == BigDecimal.class || type == BigInteger.class || CharSequence.class.isAssignableFrom(type)
                || type.isArray() || Iterable.class.isAssignableFrom(type) || type.isEnum());
    }

    /** The destructive and idempotent hints only mean something for a tool that is not read-only. */
    private static JsonObject annotations(Tool tool) {
        Tool.Annotations hints = tool.annotations();
        JsonObjectBuilder annotations = JSON.createObjectBuilder().add("readOnlyHint", hints.readOnlyHint());
        if (!hints.readOnlyHint()) {
            annotations.add("destructiveHint", hints.destructiveHint());
        }
        return annotations.add("idempotentHint", hints.idempotentHint())
                .add("openWorldHint", hints.openWorldHint())
                .build();
    }
}
