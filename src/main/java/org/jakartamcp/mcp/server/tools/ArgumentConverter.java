package org.jakartamcp.mcp.server.tools;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jakartamcp.mcp.server.schema.JsonSchemas;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * Turns a JSON argument into the parameter's Java type, strictly: a number where a number is
 * declared, an integer that fits, one of the enum's names. An arbitrary precision number
 * ({@link BigDecimal}, {@link BigInteger}) may also come as a decimal string, which no client
 * rounds (see {@link JsonSchemas#ofArgument}). The message of a refusal names the argument and
 * what it should have been, for the model to correct its call.
 */
final class ArgumentConverter {

    /** The most digits, and the largest exponent, a number argument may have. */
    static final int MAX_DIGITS = 10_000;
    /**
     * The longest decimal string read: {@link #MAX_DIGITS} digits written out with an exponent of
     * {@link #MAX_DIGITS} take about twice as many characters; anything longer is out of bounds anyway.
     */
    static final int MAX_STRING_LENGTH = 2 * MAX_DIGITS + 16;
    private static final Pattern DECIMAL = Pattern.compile(JsonSchemas.DECIMAL_STRING);
    private static final Pattern INTEGER = Pattern.compile(JsonSchemas.INTEGER_STRING);

    private final Jsonb jsonb;

    ArgumentConverter(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * The argument as the parameter's type. A JSON number that may be a longer number rounded on its way here
     * (see {@link RoundedInTransit}) is added to {@code inDoubt}, as {@code name = number}.
     */
    Object convert(String name, JsonValue value, Type declared, List<String> inDoubt) {
        boolean optional = JsonSchemas.isOptional(declared);
        Type type = JsonSchemas.unwrapOptional(declared);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return optional ? Optional.empty() : null;
        }
        Object converted = convertPresent(name, value, type, inDoubt);
        return optional ? Optional.of(converted) : converted;
    }

    private Object convertPresent(String name, JsonValue value, Type type, List<String> inDoubt) {
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
                return decimal(name, value, inDoubt);
            }
            if (raw == double.class || raw == Double.class) {
                return requireNumber(name, value).doubleValue();
            }
            if (raw == float.class || raw == Float.class) {
                return (float) requireNumber(name, value).doubleValue();
            }
            if (raw == BigInteger.class) {
                return bigInteger(name, value, inDoubt);
            }
            if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class
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
        Type contained = JsonSchemas.containedType(type);
        if (contained != null) {
            return ((java.lang.reflect.ParameterizedType) type).getRawType() == Map.class ? entries(name, value, contained, inDoubt)
                    : elements(name, value, contained, inDoubt);
        }
        try {
            return jsonb.fromJson(value.toString(), type);
        } catch (JsonbException e) {
            throw new ToolCallException("Argument '" + name + "' does not match its schema: " + e.getMessage());
        }
    }

    /** A list, each element converted (and bounded) like a single argument. */
    private List<Object> elements(String name, JsonValue value, Type element, List<String> inDoubt) {
        if (!(value instanceof JsonArray array)) {
            throw wrongType(name, "an array", value);
        }
        List<Object> converted = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            converted.add(convertPresent(name + "[" + i + "]", array.get(i), element, inDoubt));
        }
        return converted;
    }

    /** A map with string keys, each value converted (and bounded) like a single argument. */
    private Map<String, Object> entries(String name, JsonValue value, Type element, List<String> inDoubt) {
        if (!(value instanceof JsonObject object)) {
            throw wrongType(name, "an object", value);
        }
        Map<String, Object> converted = new LinkedHashMap<>();
        object.forEach((key, entry) -> converted.put(key, entry.getValueType() == JsonValue.ValueType.NULL ? null
                : convertPresent(name + "." + key, entry, element, inDoubt)));
        return converted;
    }

    /** A decimal number, or a decimal string: what JSON can say exactly, whatever the client's JSON library does. */
    private static BigDecimal decimal(String name, JsonValue value, List<String> inDoubt) {
        if (value instanceof JsonNumber number) {
            BigDecimal received = bounded(name, number.bigDecimalValue());
            if (RoundedInTransit.maybe(received, false)) {
                inDoubt.add(name + " = " + number);
            }
            return received;
        }
        if (value instanceof JsonString string) {
            String text = string.getString();
            if (text.length() > MAX_STRING_LENGTH) {
                throw tooLarge(name);
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw wrongType(name, "a number, or a decimal string such as \"-12345678901234567890.5\"", value);
            }
            try {
                return bounded(name, new BigDecimal(text));
            } catch (NumberFormatException e) { // an exponent beyond an int
                throw tooLarge(name);
            }
        }
        throw wrongType(name, "a number, or a decimal string such as \"-12345678901234567890.5\"", value);
    }

    private static BigInteger bigInteger(String name, JsonValue value, List<String> inDoubt) {
        if (value instanceof JsonNumber number) {
            BigInteger received = exactInteger(name, number);
            if (RoundedInTransit.maybe(new BigDecimal(received), true)) {
                inDoubt.add(name + " = " + number);
            }
            return received;
        }
        if (value instanceof JsonString string) {
            String text = string.getString();
            if (text.length() > MAX_DIGITS + 1) {
                throw tooLarge(name);
            }
            if (!INTEGER.matcher(text).matches()) {
                throw wrongType(name, "an integer, or an integer string such as \"12345678901234567890\"", value);
            }
            return new BigInteger(text);
        }
        throw wrongType(name, "an integer, or an integer string such as \"12345678901234567890\"", value);
    }

    /**
     * A number like 1e999999999 is short to send but a billion digits to compute with: refuse it here,
     * before any tool sees it.
     */
    static BigDecimal bounded(String name, BigDecimal number) {
        if (number.precision() > MAX_DIGITS || Math.abs((long) number.scale()) > MAX_DIGITS) {
            throw tooLarge(name);
        }
        return number;
    }

    private static ToolCallException tooLarge(String name) {
        return new ToolCallException("Argument '" + name + "' is too large or too precise: at most " + MAX_DIGITS
                + " digits and an exponent of at most " + MAX_DIGITS + " in magnitude");
    }

    private static BigInteger exactInteger(String name, JsonNumber number) {
        try {
            return bounded(name, number.bigDecimalValue()).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw wrongType(name, "an integer", number);
        }
    }

    private static Object integer(String name, JsonNumber number, Class<?> raw) {
        BigInteger exact = exactInteger(name, number);
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
