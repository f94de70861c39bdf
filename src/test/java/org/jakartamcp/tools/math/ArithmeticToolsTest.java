package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

/** Known values, including those binary floating point gets wrong, the bounds, and the error messages. */
class ArithmeticToolsTest {

    private final ArithmeticTools tools = new ArithmeticTools();

    @Test
    void sumsAndDifferencesAreExact() {
        assertEquals(new Calculation("0.3", true, null, null, null), tools.add(d("0.1"), d("0.2")));
        assertEquals("0.1", tools.subtract(d("0.3"), d("0.2")).result(), "0.3 - 0.2 is 0.09999999999999998 in doubles");
        assertEquals("100000000000000000000000000000.000000000000000000000000000001",
                tools.add(d("1e29"), d("1e-30")).result());
    }

    @Test
    void productsKeepEveryDigit() {
        assertEquals("1.21", tools.multiply(d("1.1"), d("1.1")).result(), "1.1 * 1.1 is 1.2100000000000002 in doubles");
        assertEquals("15241578753238836527968299765279684", tools.multiply(d("123456789012345678"), d("123456789012345678")).result());
    }

    @Test
    void quotientsAreExactWhenTheyTerminateAndSayWhenTheyAreRounded() {
        assertEquals(new Calculation("0.125", true, null, null, null), tools.divide(d("1"), d("8"), null, null));
        Calculation third = tools.divide(d("1"), d("3"), 10, null);
        assertEquals("0.3333333333", third.result());
        assertFalse(third.exact());
        assertEquals("0.3333333333 (rounded to 10 significant digits, HALF_EVEN)", third.text());
        assertEquals("0.6666666667", tools.divide(d("2"), d("3"), 10, RoundingMode.HALF_UP).result());
        assertEquals("0.6666666666", tools.divide(d("2"), d("3"), 10, RoundingMode.DOWN).result());
    }

    @Test
    void divisionByZeroIsAToolError() {
        assertEquals("Division by zero: argument 'b' is 0",
                assertThrows(ToolCallException.class, () -> tools.divide(d("1"), d("0"), null, null)).getMessage());
        assertEquals("Modulo by zero: argument 'b' is 0",
                assertThrows(ToolCallException.class, () -> tools.modulo(d("1"), d("0.0"))).getMessage());
    }

    @Test
    void integerPowersAreExactAndFractionalOnesRounded() {
        assertEquals("18446744073709551616", tools.power(d("2"), d("64"), null, null).result());
        assertEquals("0.001", tools.power(d("0.1"), d("3"), null, null).result());
        assertEquals("0.0625", tools.power(d("2"), d("-4"), null, null).result());
        Calculation sqrt2 = tools.power(d("2"), d("0.5"), 20, null);
        assertEquals("1.4142135623730950488", sqrt2.result());
        assertFalse(sqrt2.exact());
    }

    @Test
    void powersThatWouldBeTooLargeAreRefused() {
        assertTrue(assertThrows(ToolCallException.class, () -> tools.power(d("123456789"), d("10000"), null, null))
                .getMessage().contains("digits"));
        assertEquals("0 has no negative power (division by zero)",
                assertThrows(ToolCallException.class, () -> tools.power(d("0"), d("-1"), null, null)).getMessage());
        assertEquals("A negative base has no real power with a fractional exponent",
                assertThrows(ToolCallException.class, () -> tools.power(d("-8"), d("0.5"), null, null)).getMessage());
    }

    @Test
    void rootsAreExactWhenTheyCanBe() {
        assertEquals(new Calculation("1.5", true, null, null, null), tools.root(d("2.25"), null, null, null));
        assertEquals("-3", tools.root(d("-27"), 3, null, null).result());
        // big-math alone divided by zero on these
        assertEquals(new Calculation("1E-5000", true, null, null, null), tools.root(d("1e-10000"), 2, null, null));
        assertEquals(new Calculation("-2E-3333", true, null, null, null), tools.root(d("-8e-9999"), 3, null, null));
        assertEquals("1.259921049894873164767210607278228", tools.root(d("2e-9999"), 3, null, null).result().substring(0, 35)
                .replace("E", ""), "the cube root of 2e-9999 is 1.2599...e-3333");
        Calculation sqrt2 = tools.root(d("2"), 2, 50, null);
        assertEquals("1.4142135623730950488016887242096980785696718753769", sqrt2.result());
        assertFalse(sqrt2.exact());
        assertEquals("A negative number has no real root of even degree 2",
                assertThrows(ToolCallException.class, () -> tools.root(d("-4"), null, null, null)).getMessage());
    }

    @Test
    void moduloIsEuclidean() {
        assertEquals("2", tools.modulo(d("-7"), d("3")).result());
        assertEquals("1.5", tools.modulo(d("5.5"), d("2")).result());
        assertEquals("1", tools.modulo(d("7"), d("-3")).result());
    }

    @Test
    void roundingFollowsTheModeAskedFor() {
        assertEquals("2.68", tools.round(d("2.675"), 2, RoundingMode.HALF_UP).result(), "round(2.675, 2) is 2.67 with doubles");
        assertEquals("2.68", tools.round(d("2.675"), 2, null).result());
        assertEquals("2.62", tools.round(d("2.625"), 2, null).result());
        assertEquals("1200", tools.round(d("1234.5"), -2, null).result());
        assertEquals("12.3", tools.absolute(d("-12.3")).result());
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
