package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast stripping and exact division agree with the JDK's on generated numbers, short and long. */
class DecimalsTest {

    private final Random random = new Random(11);

    @Test
    void strippingAgreesWithTheJdk() {
        for (int i = 0; i < 2000; i++) {
            BigInteger digits = new BigInteger(1 + random.nextInt(i < 1000 ? 60 : 3000), random);
            BigDecimal value = new BigDecimal(digits.multiply(BigInteger.TEN.pow(random.nextInt(400))), random.nextInt(2000) - 1000);
            BigDecimal expected = value.stripTrailingZeros();
            BigDecimal stripped = Decimals.stripTrailingZeros(value);
            assertEquals(expected.unscaledValue(), stripped.unscaledValue(), value.toString());
            assertEquals(expected.scale(), stripped.scale(), value.toString());
        }
        assertEquals("1", Decimals.plain(BigDecimal.ONE.setScale(200_000)), "24 s with the JDK's");
    }

    @Test
    void exactQuotientsAgreeWithTheJdk() {
        for (int i = 0; i < 2000; i++) {
            BigDecimal dividend = new BigDecimal(new BigInteger(1 + random.nextInt(300), random), random.nextInt(200) - 100);
            BigInteger terminating = BigInteger.TWO.pow(random.nextInt(200)).multiply(BigInteger.valueOf(5).pow(random.nextInt(200)));
            BigInteger divisor = random.nextBoolean() ? terminating : terminating.multiply(BigInteger.valueOf(3 + random.nextInt(1000)));
            BigDecimal by = new BigDecimal(random.nextBoolean() ? divisor : divisor.negate(), random.nextInt(200) - 100);
            BigDecimal quotient = Decimals.exactQuotient(dividend, by, Decimals.MAX_RESULT_DIGITS);
            BigDecimal expected;
            try {
                expected = dividend.divide(by);
            } catch (ArithmeticException nonTerminating) {
                assertNull(quotient, dividend + " / " + by);
                continue;
            }
            assertEquals(0, expected.compareTo(quotient), dividend + " / " + by);
        }
        assertNull(Decimals.exactQuotient(BigDecimal.ONE, new BigDecimal(BigInteger.TWO.pow(70_000)), Decimals.MAX_RESULT_DIGITS),
                "exact, but with more digits than a result may have");
        assertEquals(new BigDecimal("-0.125"), Decimals.exactQuotient(BigDecimal.ONE, new BigDecimal("-8"), 10));
    }
}
