package org.jakartamcp.mcp.server.tools;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.jakartamcp.mcp.server.schema.JsonSchemas;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * Turns a JSON argument into the parameter's Java type, strictly: a number where a number is
 * declared, an integer that fits, one of the enum's names. The message of a refusal names the
 * argument and what it should have been, for the model to correct its call.
 */
final class ArgumentConverter {

    /** The most digits, and the largest exponent, a number argument may have. */
    static final int MAX_DIGITS = 10_000;

    private final Jsonb jsonb;

    ArgumentConverter(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    Object convert(String name, JsonValue value, Type declared) {
        boolean optional = JsonSchemas.isOptional(declared);
        Type type = JsonSchemas.unwrapOptional(declared);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return optional ? Optional.empty() : null;
        }
        Object converted = convertPresent(name, value, type);
        return optional ? Optional.of(converted) : converted;
    }

    private Object convertPresent(String name, JsonValue value, Type type) {
        if (type instanceof Class<?> raw) {
            if (raw == String.class) {
                return requireString(name, value);
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return switch (value.getValueType()) {
                    case TRUE -> true;
                    case FALSE -> false;
                    default -> throw wrongType(name, "true or false", value);
                };
            }
            if (raw == BigDecimal.class) {
                return bounded(name, requireNumber(name, value).bigDecimalValue());
            }
            if (raw == double.class || raw == Double.class) {
                return requireNumber(name, value).doubleValue();
            }
            if (raw == float.class || raw == Float.class) {
                return (float) requireNumber(name, value).doubleValue();
            }
            if (raw == BigInteger.class || raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class
                    || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class) {
                return integer(name, requireNumber(name, value), raw);
            }
            if (raw.isEnum()) {
                String text = requireString(name, value);
                return Arrays.stream(raw.getEnumConstants())
                        .filter(constant -> ((Enum<?>) constant).name().equals(text))
                        .findFirst()
                        .orElseThrow(() -> new ToolCallException("Argument '" + name + "' must be one of "
                                + Arrays.toString(raw.getEnumConstants()) + ", not \"" + text + "\""));
            }
        }
        if (type instanceof java.lang.reflect.ParameterizedType list && list.getRawType() == java.util.List.class
                && list.getActualTypeArguments()[0] instanceof Class<?> element && !element.isEnum()
                && JsonSchemas.isSimple(element)) {
            return elements(name, value, element);
        }
        try {
            return jsonb.fromJson(value.toString(), type);
        } catch (JsonbException e) {
            throw new ToolCallException("Argument '" + name + "' does not match its schema: " + e.getMessage());
        }
    }

    /** A list of numbers, strings or booleans, each element converted (and bounded) like a single argument. */
    private java.util.List<Object> elements(String name, JsonValue value, Class<?> element) {
        if (!(value instanceof jakarta.json.JsonArray array)) {
            throw wrongType(name, "an array", value);
        }
        java.util.List<Object> converted = new java.util.ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            converted.add(convertPresent(name + "[" + i + "]", array.get(i), element));
        }
        return converted;
    }

    /**
     * A number like 1e999999999 is short to send but a billion digits to compute with: refuse it here,
     * before any tool sees it.
     */
    static BigDecimal bounded(String name, BigDecimal number) {
        if (number.precision() > MAX_DIGITS || Math.abs((long) number.scale()) > MAX_DIGITS) {
            throw new ToolCallException("Argument '" + name + "' is too large or too precise: at most " + MAX_DIGITS
                    + " digits and an exponent of at most " + MAX_DIGITS + " in magnitude");
        }
        return number;
    }

    private static Object integer(String name, JsonNumber number, Class<?> raw) {
        BigInteger exact;
        try {
            exact = bounded(name, number.bigDecimalValue()).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw wrongType(name, "an integer", number);
        }
        if (raw == BigInteger.class) {
            return exact;
        }
        try {
            if (raw == long.class || raw == Long.class) {
                return exact.longValueExact();
            }
            if (raw == int.class || raw == Integer.class) {
                return exact.intValueExact();
            }
            if (raw == short.class || raw == Short.class) {
                return exact.shortValueExact();
            }
            return exact.byteValueExact();
        } catch (ArithmeticException e) {
            throw new ToolCallException("Argument '" + name + "' is out of range for a " + raw.getSimpleName() + ": " + exact);
        }
    }

    private static String requireString(String name, JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw wrongType(name, "a string", value);
    }

    private static JsonNumber requireNumber(String name, JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number;
        }
        throw wrongType(name, "a number", value);
    }

    private static ToolCallException wrongType(String name, String expected, JsonValue value) {
        String shown = value.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new ToolCallException("Argument '" + name + "' must be " + expected + ", not " + shown);
    }
}
