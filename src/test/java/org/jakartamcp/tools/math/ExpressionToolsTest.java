package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

class ExpressionToolsTest {

    private static final Cancellation NOT_CANCELLED = () -> false;
    private final ExpressionTools tools = new ExpressionTools();

    @Test
    void theExampleFromTheIssueToFiftyDigits() {
        // Python's decimal module at 60 digits gives 6148914691236517205.8047378541243650162672295747365660261899
        assertEquals("6148914691236517205.8047378541243650162672295747366",
                tools.evaluate("(2^64 + SQRT(2)) / 3", null, 50, NOT_CANCELLED).result());
    }

    @Test
    void decimalArithmeticAndVariables() {
        assertEquals("0.3", tools.evaluate("0.1 + 0.2", null, null, NOT_CANCELLED).result());
        // 2.25 π = 7.068583470577034786540947612378881489444 (Python, 40 digits)
        assertEquals("7.0685834705770347865409476123789", tools.evaluate("r^2 * PI", Map.of("r", new BigDecimal("1.5")), 32, NOT_CANCELLED).result());
        assertEquals("120", tools.evaluate("FACT(5)", null, null, NOT_CANCELLED).result());
    }

    @Test
    void errorsSayWhereAndWhy() {
        ToolCallException unknown = assertThrows(ToolCallException.class, () -> tools.evaluate("2 * y", null, null, NOT_CANCELLED));
        assertTrue(unknown.getMessage().startsWith("Cannot evaluate the expression at position"), unknown.getMessage());
        assertTrue(assertThrows(ToolCallException.class, () -> tools.evaluate("(1 + 2", null, null, NOT_CANCELLED)).getMessage()
                .startsWith("Cannot evaluate"));
    }

    @Test
    void expensiveFunctionsAreBounded() {
        ToolCallException fact = assertThrows(ToolCallException.class, () -> tools.evaluate("FACT(1000000000)", null, null, NOT_CANCELLED));
        assertTrue(fact.getMessage().contains("FACT needs an integer from 0 to 5000"), fact.getMessage());
        assertTrue(assertThrows(ToolCallException.class, () -> tools.evaluate("x + 1", Map.of("x", new BigDecimal("1e99999")), null, NOT_CANCELLED))
                .getMessage().contains("too large"));
    }

    @Test
    void numberLiteralsAreBoundedLikeArguments() {
        assertRefused("SQRT(1e50000000)", "The number 1e50000000 at position 6 is too large or too precise: at most 10000 digits");
        assertRefused("2^1e300000000", "The number 1e300000000 at position 3 is too large");
        assertRefused("1 + 1e-10001", "The number 1e-10001 at position 5 is too large");
        assertRefused("1e9999999999", "The number 1e9999999999 at position 1 is too large");
        assertEquals("1E+10000", tools.evaluate("1e10000", null, null, NOT_CANCELLED).result());
        assertEquals("255", tools.evaluate("0xFF", null, null, NOT_CANCELLED).result());
    }

    @Test
    void roundTakesABoundedNumberOfPlaces() {
        assertRefused("ROUND(1, 3000000)", "ROUND needs a number of decimal places from -20000 to 20000");
        assertRefused("ROUND(1, 2.5)", "ROUND needs a number of decimal places");
        // 24 s of CPU before: EvalEx stripped the trailing zeros of the unrounded 1.000... with 200,000 places
        assertRefused("ROUND(1, 200000)", "ROUND needs a number of decimal places");
        assertRefused("ROUND(1/3, 20000)", "A step of the expression gives a number of 20000 digits");
        assertEquals("1", tools.evaluate("ROUND(1, 9000)", null, null, NOT_CANCELLED).result());
        assertEquals("2.68", tools.evaluate("ROUND(2.675, 2)", null, null, NOT_CANCELLED).result());
    }

    @Test
    void squareRootsOfAnyMagnitude() {
        assertEquals("1E-1500", tools.evaluate("SQRT(1e-3000)", null, null, NOT_CANCELLED).result(), "EvalEx's own SQRT fails on it");
        assertEquals("1.4142135623730950488016887242096980785696718753769", tools.evaluate("SQRT(2)", null, 50, NOT_CANCELLED).result());
        assertTrue(assertThrows(ToolCallException.class, () -> tools.evaluate("SQRT(-1)", null, null, NOT_CANCELLED)).getMessage()
                .startsWith("Cannot evaluate the expression at position 1: Parameter must not be negative"));
    }

    @Test
    void powersAreRefusedBeforeTheyLeaveTheRange() {
        assertRefused("2^100000", "Cannot evaluate the expression at position 2: The power is about 10^3.010e+04, beyond the range");
        assertRefused("10^(10^5)", "The power is about 10^1.000e+05");
        assertRefused("1^1e9999", "The exponent must be from -999999999 to 999999999");
        assertRefused("(-8)^0.5", "A negative base has no real power with a fractional exponent");
        assertRefused("0^-1", "0 has no negative power");
        assertEquals("6.3E+18061", tools.evaluate("2^60000", null, 2, NOT_CANCELLED).result());
        assertEquals("1E-20000", tools.evaluate("10^-20000", null, null, NOT_CANCELLED).result());
        // to every digit asked for, where EvalEx's own ^ took the fractional part in double (16 digits)
        assertEquals("1.4142135623730950488016887242096980785696718753769", tools.evaluate("2^0.5", null, 50, NOT_CANCELLED).result());
        assertEquals("-8", tools.evaluate("(-2)^3", null, null, NOT_CANCELLED).result());
    }

    @Test
    void everyComputedNumberStaysInRange() {
        assertRefused("1e10000 * 1e10000 * 1e10000", "A step of the expression gives a number of 1 digits and magnitude 10^30000");
        assertRefused("EXP(50000)", "EXP needs a value from -46051 to 46051");
        assertEquals("2.7182818284590452353602874713527", tools.evaluate("EXP(1)", null, 32, NOT_CANCELLED).result());
        assertEquals("0", tools.evaluate("0 * 1e-10000 * 1e-10000 * 1e-10000 + 0", null, null, NOT_CANCELLED).result());
    }

    @Test
    void onlyArithmeticFunctionsAndNumbers() {
        assertRefused("\"a\" + 1", "Text (\"a\" at position 1) has no use in an arithmetic expression");
        for (String unknown : new String[] {"STR_MATCHES(1, 2)", "RANDOM()", "DT_NOW()", "STR_LENGTH(12)"}) {
            assertRefused(unknown, "Cannot evaluate the expression at position 1: Undefined function");
        }
        assertRefused("NULL + 1", "Cannot evaluate the expression at position 1");
        assertRefused("ACOS(2)", "Cannot evaluate the expression at position 1: Illegal acos(x)");
        // PI to every digit asked for, where EvalEx's constant has 100
        assertEquals("3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117067982148",
                tools.evaluate("PI", null, 106, NOT_CANCELLED).result());
        assertEquals("1", tools.evaluate("IF(1 < 2, 1, 1e10000 * 1e10000 * 1e10000)", null, null, NOT_CANCELLED).result());
        assertEquals("1", tools.evaluate("SIN(90)", null, null, NOT_CANCELLED).result(), "SIN takes degrees");
    }

    private void assertRefused(String expression, String message) {
        ToolCallException refused = assertThrows(ToolCallException.class, () -> tools.evaluate(expression, null, null, NOT_CANCELLED));
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
        assertEquals("3", tools.evaluate("1 + 2", null, null, NOT_CANCELLED).result(), "a normal expression right after " + expression);
    }

    @Test
    void anExpressionStopsAtItsBudgetOrWhenCancelled() {
        // each power to 1010 digits takes milliseconds (exp and log in big-math); 200 of them take seconds
        String slow = "PI^E" + "+PI^E".repeat(198);
        ToolCallException stopped = assertThrows(ToolCallException.class, () -> tools.evaluate(slow, null, Decimals.MAX_PRECISION, NOT_CANCELLED));
        assertEquals("The expression takes more than 1000 ms to compute; ask for fewer digits or split it up", stopped.getMessage());
        assertThrows(Cancellation.CancelledException.class, () -> tools.evaluate("1 + 2", null, null, () -> true));
        assertEquals("22.5", tools.evaluate("PI^E", null, 3, NOT_CANCELLED).result(), "a normal expression right after");
    }
}
