package org.jakartamcp.mcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

class ArgumentConverterTest {

    private final ArgumentConverter converter = new ArgumentConverter(JsonbBuilder.create());

    @Test
    void decimalsKeepEveryDigitTheClientSent() {
        assertEquals(new BigDecimal("0.1000000000000000000000001"), converter.convert("a", json("0.1000000000000000000000001"), BigDecimal.class));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                converter.convert("n", json("123456789012345678901234567890"), BigInteger.class));
    }

    @Test
    void typesAreCheckedStrictly() {
        assertMessage("Argument 'a' must be a number, not \"1\"", () -> converter.convert("a", json("\"1\""), BigDecimal.class));
        assertMessage("Argument 'n' must be an integer, not 1.5", () -> converter.convert("n", json("1.5"), int.class));
        assertMessage("Argument 'n' is out of range for a int: 3000000000", () -> converter.convert("n", json("3000000000"), int.class));
        assertMessage("Argument 'f' must be true or false, not 1", () -> converter.convert("f", json("1"), boolean.class));
        assertTrue(assertThrows(ToolCallException.class, () -> converter.convert("r", json("\"UP_A_BIT\""), RoundingMode.class))
                .getMessage().contains("HALF_EVEN"));
    }

    @Test
    void hugeExponentsAreRefusedBeforeAnyArithmetic() {
        assertTrue(assertThrows(ToolCallException.class, () -> converter.convert("a", json("1e999999999"), BigDecimal.class))
                .getMessage().contains("too large"));
        assertTrue(assertThrows(ToolCallException.class, () -> converter.convert("n", json("1e20000"), BigInteger.class))
                .getMessage().contains("too large"));
    }

    @Test
    void anOptionalArgumentMayBeAbsent() throws Exception {
        var type = getClass().getDeclaredMethod("optional", Optional.class).getGenericParameterTypes()[0];
        assertEquals(Optional.empty(), converter.convert("o", null, type));
        assertEquals(Optional.of("x"), converter.convert("o", json("\"x\""), type));
    }

    @SuppressWarnings("unused")
    private static void optional(Optional<String> o) {
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(ToolCallException.class, call).getMessage());
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader("[" + text + "]")).readArray().get(0);
    }
}
