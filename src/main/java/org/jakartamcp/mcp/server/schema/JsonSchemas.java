package org.jakartamcp.mcp.server.schema;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Schema (2020-12 vocabulary, as MCP uses it) for Java types, with Bean Validation constraints
 * turned into the matching keywords.
 */
public final class JsonSchemas {

    private static final int MAX_DEPTH = 8;

    /**
     * A decimal number written as a string: JSON's own number syntax ({@code -12345678901234567890.5}, {@code 1e-30}),
     * no spaces, no sign "+", no thousands separators.
     */
    public static final String DECIMAL_STRING = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$";
    /** An integer written as a string: digits, with an optional "-". */
    public static final String INTEGER_STRING = "^-?(0|[1-9][0-9]*)$";

    private JsonSchemas() {
    }

    /** The schema of a value of this type, as the server sends it (a tool's output). */
    public static JsonObject of(Type type, Annotation... constraints) {
        return builder(type, constraints, 0, false).build();
    }

    /**
     * The schema of an argument of this type, as the server takes it: as {@link #of}, except that an arbitrary
     * precision number ({@link BigDecimal}, {@link BigInteger}), wherever it is in the type, may also be sent as a
     * string ({@link #DECIMAL_STRING}, {@link #INTEGER_STRING}). A client that parses JSON into binary doubles, as
     * every JavaScript client does, keeps only about 16 significant digits of a number, and all of a string.
     * {@code "type": ["number", "string"]} rather than {@code anyOf}: one schema, with {@code pattern} applying to the
     * string form only, which MCP Inspector (its CLI then sends what is typed as a string) and the SDKs take as is.
     */
    public static JsonObject ofArgument(Type type, Annotation... constraints) {
        return builder(type, constraints, 0, true).build();
    }

    /** Whether an argument of this type takes numbers as strings somewhere (see {@link #ofArgument}). */
    public static boolean takesNumberStrings(Type type) {
        Type unwrapped = unwrapOptional(type);
        Class<?> raw = rawClass(unwrapped);
        if (raw == BigDecimal.class || raw == BigInteger.class) {
            return true;
        }
        Type contained = containedType(unwrapped);
        return contained != null && takesNumberStrings(contained);
    }

    /**
     * The element type of a {@code List}, or the value type of a {@code Map} with {@code String} keys: the containers
     * whose values the argument converter reads one by one, like arguments of their own; null for any other type.
     */
    public static Type containedType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            Type contained = arguments[arguments.length - 1];
            if (!(contained instanceof Class<?> || contained instanceof ParameterizedType)) {
                return null; // a wildcard or a type variable: JSON-B reads the container
            }
            if (raw == java.util.List.class) {
                return arguments[0];
            }
            if (raw == Map.class && arguments[0] == String.class) {
                return arguments[1];
            }
        }
        return null;
    }

    /** The type inside {@code Optional<T>}, or the type itself. */
    public static Type unwrapOptional(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return parameterized.getActualTypeArguments()[0];
        }
        return type;
    }

    public static boolean isOptional(Type type) {
        return unwrapOptional(type) != type;
    }

    private static JsonObjectBuilder builder(Type type, Annotation[] constraints, int depth, boolean argument) {
        if (depth > MAX_DEPTH) {
            return JSON.createObjectBuilder();
        }
        Type unwrapped = unwrapOptional(type);
        Class<?> raw = rawClass(unwrapped);
        JsonObjectBuilder schema = JSON.createObjectBuilder();
        String kind = kind(raw);
        switch (kind) {
            case "array" -> {
                schema.add("type", "array").add("items", builder(elementType(unwrapped), new Annotation[0], depth + 1,
                        argument && containedType(unwrapped) != null));
                if (Set.class.isAssignableFrom(raw)) {
                    schema.add("uniqueItems", true);
                }
            }
            case "map" -> schema.add("type", "object")
                    .add("additionalProperties", builder(mapValueType(unwrapped), new Annotation[0], depth + 1,
                            argument && containedType(unwrapped) != null));
            case "enum" -> {
                JsonArrayBuilder values = JSON.createArrayBuilder();
                Arrays.stream(raw.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).forEach(values::add);
                schema.add("type", "string").add("enum", values);
            }
            // JSON-B reads objects, not the argument converter: it takes numbers as numbers
            case "object" -> objectSchema(raw, schema, depth);
            default -> {
                if (argument && (raw == BigDecimal.class || raw == BigInteger.class)) {
                    schema.add("type", JSON.createArrayBuilder().add(kind).add("string"))
                            .add("pattern", raw == BigDecimal.class ? DECIMAL_STRING : INTEGER_STRING);
                } else {
                    schema.add("type", kind);
                }
            }
        }
        applyConstraints(schema, kind, constraints);
        return schema;
    }

    /** Strings, numbers and booleans: the types that map to one JSON value without a schema of their own. */
    public static boolean isSimple(Class<?> raw) {
        String kind = kind(raw);
        return "string".equals(kind) || "integer".equals(kind) || "number".equals(kind) || "boolean".equals(kind);
    }

    static String kind(Class<?> raw) {
        if (raw == String.class || raw == char.class || raw == Character.class || CharSequence.class.isAssignableFrom(raw)) {
            return "string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
                || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
            return "integer";
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == BigDecimal.class || raw == Number.class) {
            return "number";
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "map";
        }
        if (raw.isEnum()) {
            return "enum";
        }
        return "object";
    }

    private static void objectSchema(Class<?> raw, JsonObjectBuilder schema, int depth) {
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        JsonArrayBuilder required = JSON.createArrayBuilder();
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                Annotation[] annotations = annotationsOf(component);
                properties.add(component.getName(), builder(component.getGenericType(), annotations, depth + 1, false));
                // JSON-B leaves out null components, so only those that cannot be null are required.
                if (component.getType().isPrimitive()
                        || Arrays.stream(annotations).anyMatch(annotation -> annotation instanceof jakarta.validation.constraints.NotNull)) {
                    required.add(component.getName());
                }
            }
        } else {
            for (Field field : raw.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    properties.add(field.getName(), builder(field.getGenericType(), field.getAnnotations(), depth + 1, false));
                }
            }
        }
        schema.add("type", "object").add("properties", properties);
        var requiredNames = required.build();
        if (!requiredNames.isEmpty()) {
            schema.add("required", requiredNames);
        }
    }

    /** Bean Validation annotations on a record component land on its type use and its accessor, not on the component. */
    private static Annotation[] annotationsOf(RecordComponent component) {
        return java.util.stream.Stream.of(component.getAnnotations(), component.getAnnotatedType().getAnnotations(),
                        component.getAccessor().getAnnotations())
                .flatMap(Arrays::stream)
                .distinct()
                .toArray(Annotation[]::new);
    }

    private static void applyConstraints(JsonObjectBuilder schema, String kind, Annotation[] constraints) {
        for (Annotation constraint : constraints) {
            if (constraint instanceof Min min) {
                schema.add("minimum", min.value());
            } else if (constraint instanceof Max max) {
                schema.add("maximum", max.value());
            } else if (constraint instanceof DecimalMin min) {
                schema.add(min.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(min.value()));
            } else if (constraint instanceof DecimalMax max) {
                schema.add(max.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(max.value()));
            } else if (constraint instanceof Positive) {
                schema.add("exclusiveMinimum", 0);
            } else if (constraint instanceof PositiveOrZero) {
                schema.add("minimum", 0);
            } else if (constraint instanceof Negative) {
                schema.add("exclusiveMaximum", 0);
            } else if (constraint instanceof NegativeOrZero) {
                schema.add("maximum", 0);
            } else if (constraint instanceof Pattern pattern) {
                schema.add("pattern", pattern.regexp());
            } else if (constraint instanceof NotBlank) {
                schema.add("minLength", 1);
            } else if (constraint instanceof NotEmpty) {
                schema.add("min" + sizeSuffix(kind), 1);
            } else if (constraint instanceof Size size) {
                if (size.min() > 0) {
                    schema.add("min" + sizeSuffix(kind), size.min());
                }
                if (size.max() < Integer.MAX_VALUE) {
                    schema.add("max" + sizeSuffix(kind), size.max());
                }
            }
        }
    }

    private static String sizeSuffix(String kind) {
        return "array".equals(kind) ? "Items" : "string".equals(kind) ? "Length" : "Properties";
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            return java.lang.reflect.Array.newInstance(rawClass(array.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    private static Type elementType(Type type) {
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (type instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static Type mapValueType(Type type) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[1] : Object.class;
    }
}
