package org.jakartamcp.mcp.server.tools;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tool arguments an input schema marks with {@code x-mcp-header} (SEP-2243): a client mirrors
 * each into an {@code Mcp-Param-{name}} header, which the server checks against the body. Read once
 * from the schema when the tool is registered, with the rules the specification sets for a valid mark.
 */
final class ToolHeaderParams {

    static final String MARK = "x-mcp-header";
    /** RFC 9110 token: 1*tchar. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> PRIMITIVE = Set.of("string", "integer", "boolean");
    /** Keywords a mark must not sit under: only a chain of {@code properties} reaches a header value. */
    private static final Set<String> NESTING = Set.of("items", "prefixItems", "additionalProperties", "patternProperties",
            "oneOf", "anyOf", "allOf", "not", "if", "then", "else", "$defs", "definitions", "dependentSchemas", "contains",
            "unevaluatedProperties", "unevaluatedItems", "propertyNames");

    /** One marked argument: where it is in the arguments, and the header that repeats it. */
    record Param(List<String> path, String header) {

        /** The argument's value in a call's arguments, or null when it has none (or it is JSON null). */
        JsonValue valueIn(JsonValue arguments) {
            JsonValue value = arguments;
            for (String step : path) {
                if (!(value instanceof JsonObject object)) {
                    return null;
                }
                value = object.get(step);
            }
            return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
        }
    }

    private ToolHeaderParams() {
    }

    /** @throws IllegalArgumentException when a mark breaks the specification's rules, naming the rule */
    static List<Param> of(String tool, JsonObject inputSchema) {
        List<Param> params = new ArrayList<>();
        collect(tool, inputSchema, List.of(), params);
        Set<String> seen = new HashSet<>();
        for (Param param : params) {
            if (!seen.add(param.header().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("tool '" + tool + "': " + MARK + " \"" + param.header()
                        + "\" is used twice (header names are case-insensitive)");
            }
        }
        return List.copyOf(params);
    }

    private static void collect(String tool, JsonObject schema, List<String> path, List<Param> params) {
        if (schema.get("properties") instanceof JsonObject properties) {
            for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
                if (!(property.getValue() instanceof JsonObject propertySchema)) {
                    continue;
                }
                List<String> at = new ArrayList<>(path);
                at.add(property.getKey());
                JsonValue mark = propertySchema.get(MARK);
                if (mark != null) {
                    params.add(new Param(List.copyOf(at), header(tool, at, mark, propertySchema)));
                }
                collect(tool, propertySchema, at, params);
            }
        }
        for (String keyword : NESTING) {
            JsonValue nested = schema.get(keyword);
            if (nested != null && containsMark(nested)) {
                throw new IllegalArgumentException("tool '" + tool + "': " + MARK + " under \"" + keyword + "\" at "
                        + (path.isEmpty() ? "the schema root" : String.join(".", path))
                        + "; it may only mark properties reached through \"properties\" alone");
            }
        }
    }

    private static String header(String tool, List<String> path, JsonValue mark, JsonObject schema) {
        String where = "tool '" + tool + "', argument " + String.join(".", path) + ": " + MARK;
        if (!(mark instanceof JsonString name) || !TOKEN.matcher(name.getString()).matches()) {
            throw new IllegalArgumentException(where + " must be a non-empty HTTP token (letters, digits, !#$%&'*+.^_`|~-)");
        }
        if (!(schema.get("type") instanceof JsonString type) || !PRIMITIVE.contains(type.getString())) {
            throw new IllegalArgumentException(where + " may only mark a string, integer or boolean argument");
        }
        return name.getString();
    }

    private static boolean containsMark(JsonValue value) {
        if (value instanceof JsonObject object) {
            return object.containsKey(MARK) || object.values().stream().anyMatch(ToolHeaderParams::containsMark);
        }
        if (value instanceof jakarta.json.JsonArray array) {
            return array.stream().anyMatch(ToolHeaderParams::containsMark);
        }
        return false;
    }
}
