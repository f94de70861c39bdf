package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

/** Reference digits from Python's decimal module (ln, sqrt, exp at 50 digits) and the well-known digits of pi. */
class ConstantsResourcesTest {

    private final ConstantsResources constants = new ConstantsResources();

    @Test
    void constantsToTheDigitsAskedFor() {
        assertEquals("3.1415926535897932384626433832795028841971693993751", constants.constant("pi", "50"));
        assertEquals("2.7182818284590452353602874713526624977572470937000", constants.constant("e", "50"));
        assertEquals("0.69314718055994530941723212145817656807550013436026", constants.constant("ln2", "50"));
        assertEquals("1.6180339887498948482045868343656381177203091798058", constants.constant("phi", "50"));
        assertEquals("1.4142135623730950488016887242096980785696718753769", constants.constant("sqrt2", "50"));
        assertEquals("3", constants.constant("pi", "1"));
        assertEquals(10_001, constants.constant("pi", "10000").length(), "10000 digits and the point");
    }

    @Test
    void theSeriesAgreeWithBigMath() {
        MathContext digits = new MathContext(1500, RoundingMode.HALF_EVEN);
        assertEquals(BigDecimalMath.e(digits).toPlainString(), constants.constant("e", "1500"));
        assertEquals(BigDecimalMath.log(BigDecimal.valueOf(2), digits).toPlainString(), constants.constant("ln2", "1500"));
        assertEquals(10_002, constants.constant("ln2", "10000").length(), "0. and 10000 digits, in milliseconds, where big-math's took 35 s");
    }

    @Test
    void unknownConstantsAndBadDigitCountsAreRefused() {
        assertTrue(assertThrows(ToolCallException.class, () -> constants.constant("tau", "10")).getMessage()
                .startsWith("Unknown constant 'tau'"));
        for (String digits : new String[] {"0", "10001", "ten", "-5"}) {
            assertEquals("The number of digits must be an integer from 1 to 10000, not '" + digits + "'",
                    assertThrows(ToolCallException.class, () -> constants.constant("pi", digits)).getMessage());
        }
    }

    @Test
    void namesComplete() {
        assertEquals(List.of("e"), constants.completeName("e"));
        assertEquals(List.of("ln2", "phi", "pi", "e", "sqrt2").stream().sorted().toList(), constants.completeName(""));
        assertEquals(List.of("phi", "pi"), constants.completeName("p"));
    }
}
