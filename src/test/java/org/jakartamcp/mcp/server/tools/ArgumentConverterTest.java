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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

class ArgumentConverterTest {

    private final ArgumentConverter converter = new ArgumentConverter(JsonbBuilder.create());
    private final List<String> inDoubt = new ArrayList<>();

    @Test
    void decimalsKeepEveryDigitTheClientSent() {
        assertEquals(new BigDecimal("0.1000000000000000000000001"), converter.convert("a", json("0.1000000000000000000000001"), BigDecimal.class, inDoubt));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                converter.convert("n", json("123456789012345678901234567890"), BigInteger.class, inDoubt));
    }

    @Test
    void decimalStringsKeepEveryDigitWhateverTheClientsJsonLibraryDoes() {
        assertEquals(new BigDecimal("12345678901234567890.5"), converter.convert("a", json("\"12345678901234567890.5\""), BigDecimal.class, inDoubt));
        assertEquals(new BigDecimal("-1.5e-30"), converter.convert("a", json("\"-1.5e-30\""), BigDecimal.class, inDoubt));
        assertEquals(new BigDecimal("0"), converter.convert("a", json("\"0\""), BigDecimal.class, inDoubt));
        assertEquals(new BigInteger("-123456789012345678901234567890"),
                converter.convert("n", json("\"-123456789012345678901234567890\""), BigInteger.class, inDoubt));
        assertEquals(List.of(), inDoubt, "a string is never rounded on the way");
    }

    @Test
    void aBadDecimalStringIsRefusedWithWhatItShouldBe() {
        for (String bad : List.of("12x", "", " 1", "1 ", "+1", ".5", "5.", "1,000", "0x10", "NaN", "Infinity", "1e", "--1", "01")) {
            assertMessage("Argument 'a' must be a number, or a decimal string such as \"-12345678901234567890.5\", not \"" + bad + "\"",
                    () -> converter.convert("a", Json.createValue(bad), BigDecimal.class, inDoubt));
        }
        assertMessage("Argument 'n' must be an integer, or an integer string such as \"12345678901234567890\", not \"1.5\"",
                () -> converter.convert("n", json("\"1.5\""), BigInteger.class, inDoubt));
        assertMessage("Argument 'n' must be an integer, or an integer string such as \"12345678901234567890\", not \"1e3\"",
                () -> converter.convert("n", json("\"1e3\""), BigInteger.class, inDoubt));
        assertMessage("Argument 'n' must be an integer, or an integer string such as \"12345678901234567890\", not [1]",
                () -> converter.convert("n", json("[1]"), BigInteger.class, inDoubt));
        assertEquals(new BigDecimal("1"), converter.convert("a", json("\"1\""), BigDecimal.class, inDoubt), "a good one still works");
    }

    @Test
    void decimalStringsHaveTheBoundsOfNumbers() {
        String tooLarge = "Argument 'a' is too large or too precise: at most 10000 digits and an exponent of at most 10000 in magnitude";
        assertMessage(tooLarge, () -> converter.convert("a", json("\"1e999999999\""), BigDecimal.class, inDoubt));
        assertMessage(tooLarge, () -> converter.convert("a", json("\"1e99999999999999999999\""), BigDecimal.class, inDoubt));
        assertMessage(tooLarge, () -> converter.convert("a", json("\"" + "9".repeat(10_001) + "\""), BigDecimal.class, inDoubt));
        assertMessage(tooLarge, () -> converter.convert("a", json("\"" + "9".repeat(1_000_000) + "\""), BigDecimal.class, inDoubt));
        assertMessage(tooLarge.replace("'a'", "'n'"), () -> converter.convert("n", json("\"" + "9".repeat(10_002) + "\""), BigInteger.class, inDoubt));
        // the largest allowed: 10000 nines times 10^10000 (a JSON parser reads numbers of at most 1100 characters)
        BigDecimal largest = (BigDecimal) converter.convert("a", json("\"" + "9".repeat(10_000) + "e10000\""), BigDecimal.class, inDoubt);
        assertEquals(new BigDecimal("9".repeat(10_000)).scaleByPowerOfTen(10_000), largest);
        assertEquals(new BigDecimal("1e-10000"), converter.convert("a", json("\"0." + "0".repeat(9_999) + "1\""), BigDecimal.class, inDoubt));
    }

    @Test
    void numbersInListsAndMapsAreReadLikeArguments() throws Exception {
        var types = getClass().getDeclaredMethod("containers", List.class, Map.class).getGenericParameterTypes();
        assertEquals(List.of(List.of(new BigDecimal("1"), new BigDecimal("12345678901234567890.5"))),
                converter.convert("matrix", json("[[1, \"12345678901234567890.5\"]]"), types[0], inDoubt));
        assertEquals(Map.of("x", new BigDecimal("0.1"), "y", new BigDecimal("2")),
                converter.convert("variables", json("{\"x\": \"0.1\", \"y\": 2}"), types[1], inDoubt));
        assertMessage("Argument 'matrix[0][1]' must be a number, or a decimal string such as \"-12345678901234567890.5\", not \"x\"",
                () -> converter.convert("matrix", json("[[1, \"x\"]]"), types[0], inDoubt));
        assertTrue(assertThrows(ToolCallException.class, () -> converter.convert("variables", json("{\"x\": \"1e99999\"}"), types[1], inDoubt))
                .getMessage().startsWith("Argument 'variables.x' is too large"));
        assertMessage("Argument 'variables' must be an object, not [1]", () -> converter.convert("variables", json("[1]"), types[1], inDoubt));
        converter.convert("matrix", json("[[1, 0.1234567890123456]]"), types[0], inDoubt);
        assertEquals(List.of("matrix[0][1] = 0.1234567890123456"), inDoubt);
    }

    @Test
    void aNumberThatMayHaveBeenRoundedToADoubleOnTheWayIsInDoubt() {
        // what JavaScript sends for -12345678901234567890.5 and for 2^53 + 1
        converter.convert("a", json("-12345678901234567000"), BigDecimal.class, inDoubt);
        converter.convert("n", json("9007199254740992"), BigInteger.class, inDoubt);
        converter.convert("b", json("0.30000000000000004"), BigDecimal.class, inDoubt);
        converter.convert("c", json("1.2345678901234567e-200"), BigDecimal.class, inDoubt);
        assertEquals(List.of("a = -12345678901234567000", "n = 9007199254740992", "b = 0.30000000000000004",
                "c = 1.2345678901234567E-200"), inDoubt);
    }

    @Test
    void numbersNoDoubleCouldHaveProducedAreExact() {
        for (String exact : List.of("-12345678901234567890.5", "0.1", "123456789012345", "1e400", "0", "-0.0",
                "1.2345678901234561", // 17 digits, but a double prints 1.234567890123456
                "12345678901234567891", "1" + "0".repeat(9_999), "0.100000000000000000000000000001")) {
            converter.convert("a", Json.createValue(new BigDecimal(exact)), BigDecimal.class, inDoubt);
        }
        converter.convert("n", json("1234567890123456"), BigInteger.class, inDoubt); // below 2^53: a double holds it
        assertEquals(List.of(), inDoubt);
    }

    @Test
    void typesAreCheckedStrictly() {
        assertMessage("Argument 'a' must be a number, or a decimal string such as \"-12345678901234567890.5\", not true",
                () -> converter.convert("a", json("true"), BigDecimal.class, inDoubt));
        assertMessage("Argument 'n' must be a number, not \"1\"", () -> converter.convert("n", json("\"1\""), int.class, inDoubt));
        assertMessage("Argument 'n' must be an integer, not 1.5", () -> converter.convert("n", json("1.5"), int.class, inDoubt));
        assertMessage("Argument 'n' is out of range for a int: 3000000000", () -> converter.convert("n", json("3000000000"), int.class, inDoubt));
        assertMessage("Argument 'f' must be true or false, not 1", () -> converter.convert("f", json("1"), boolean.class, inDoubt));
        assertTrue(assertThrows(ToolCallException.class, () -> converter.convert("r", json("\"UP_A_BIT\""), RoundingMode.class, inDoubt))
                .getMessage().contains("HALF_EVEN"));
    }

    @Test
    void hugeExponentsAreRefusedBeforeAnyArithmetic() {
        assertTrue(assertThrows(ToolCallException.class, () -> converter.convert("a", json("1e999999999"), BigDecimal.class, inDoubt))
                .getMessage().contains("too large"));
        assertTrue(assertThrows(ToolCallException.class, () -> converter.convert("n", json("1e20000"), BigInteger.class, inDoubt))
                .getMessage().contains("too large"));
    }

    @Test
    void anOptionalArgumentMayBeAbsent() throws Exception {
        var type = getClass().getDeclaredMethod("optional", Optional.class).getGenericParameterTypes()[0];
        assertEquals(Optional.empty(), converter.convert("o", null, type, inDoubt));
        assertEquals(Optional.of("x"), converter.convert("o", json("\"x\""), type, inDoubt));
    }

    @SuppressWarnings("unused")
    private static void optional(Optional<String> o) {
    }

    @SuppressWarnings("unused")
    private static void containers(List<List<BigDecimal>> matrix, Map<String, BigDecimal> variables) {
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(ToolCallException.class, call).getMessage());
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader("[" + text + "]")).readArray().get(0);
    }
}
