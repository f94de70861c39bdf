package org.jakartamcp.tools.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jakartamcp.mcp.spi.ToolCallException;

/** Limits and conversions shared by the decimal tools. */
final class Decimals {

    /** Precision when the caller gives none: IEEE 754 decimal128, 34 significant digits. */
    static final int DEFAULT_PRECISION = 34;
    /** The most significant digits a caller may ask for. */
    static final int MAX_PRECISION = 1000;
    /** The most digits an exact result may have before it is refused (or rounded, where rounding is asked for). */
    static final int MAX_RESULT_DIGITS = 20_000;

    /** Digits up to which the JDK's stripping (one division per zero) is cheaper than building a BigInteger. */
    private static final int SHORT = 100;
    private static final BigInteger FIVE = BigInteger.valueOf(5);
    private static final double LOG10_2 = Math.log10(2);

    private Decimals() {
    }

    static MathContext context(Integer precision, RoundingMode rounding) {
        return new MathContext(precision == null ? DEFAULT_PRECISION : precision,
                rounding == null ? RoundingMode.HALF_EVEN : rounding);
    }

    /** Plain notation (no exponent) for moderate exponents; scientific beyond, where plain would be a wall of zeros. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = stripTrailingZeros(value);
        int zeros = Math.max(-stripped.scale(), stripped.scale() - stripped.precision());
        return zeros > 100 ? stripped.toString() : stripped.toPlainString();
    }

    /**
     * {@link BigDecimal#stripTrailingZeros()} in a logarithmic number of divisions: the JDK's (17) divides by
     * ten once per zero, quadratic in the digits, 24 s for a 1 with 200,000 decimal places.
     */
    static BigDecimal stripTrailingZeros(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (value.precision() <= SHORT) {
            return value.stripTrailingZeros(); // the JDK's, on a long, for the numbers of nearly every call
        }
        BigInteger unscaled = value.unscaledValue();
        // 10^k divides the unscaled value only if 2^k does: a bound on the zeros, and on the divisions
        int candidates = unscaled.getLowestSetBit();
        long scale = value.scale();
        for (int step = Integer.highestOneBit(candidates); step > 0; step >>>= 1) {
            if (step <= candidates) {
                BigInteger[] quotientAndRemainder = unscaled.divideAndRemainder(BigInteger.TEN.pow(step));
                if (quotientAndRemainder[1].signum() == 0) {
                    unscaled = quotientAndRemainder[0];
                    scale -= step;
                    candidates -= step;
                }
            }
        }
        return scale < Integer.MIN_VALUE ? value : new BigDecimal(unscaled, (int) scale);
    }

    /**
     * The exact quotient when it has a finite decimal expansion of at most {@code maxDigits} digits, else null.
     * {@link BigDecimal#divide(BigDecimal)} finds out by dividing to 3.3 times the divisor's digits and then
     * stripping zeros one by one (2 s for 1 / 5^14306); here a gcd and the divisor's factors 2 and 5 tell.
     */
    static BigDecimal exactQuotient(BigDecimal dividend, BigDecimal divisor, int maxDigits) {
        BigInteger numerator = dividend.unscaledValue();
        BigInteger denominator = divisor.unscaledValue();
        BigInteger common = numerator.gcd(denominator);
        numerator = numerator.divide(common);
        denominator = denominator.divide(common);
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        int twos = denominator.getLowestSetBit();
        BigInteger rest = denominator.shiftRight(twos);
        int fives = 0;
        for (int step = Integer.highestOneBit(Math.max(1, rest.bitLength() / 2)); step > 0; step >>>= 1) {
            BigInteger[] quotientAndRemainder = rest.divideAndRemainder(FIVE.pow(step));
            if (quotientAndRemainder[1].signum() == 0) {
                rest = quotientAndRemainder[0];
                fives += step;
                step <<= 1; // the same power may divide again
            }
        }
        if (!rest.equals(BigInteger.ONE)) {
            return null;
        }
        // numerator / (2^twos 5^fives) = numerator 2^(places - twos) 5^(places - fives) / 10^places
        int places = Math.max(twos, fives);
        double digits = numerator.bitLength() * LOG10_2 + (places - twos) * LOG10_2 + (places - fives) * (1 - LOG10_2);
        if (digits > maxDigits + 1) {
            return null;
        }
        BigDecimal quotient = new BigDecimal(numerator.shiftLeft(places - twos).multiply(FIVE.pow(places - fives)),
                Math.toIntExact((long) dividend.scale() - divisor.scale() + places));
        return quotient.precision() <= maxDigits ? quotient : null;
    }

    /** log10 of a positive number, to double precision, at the cost of rounding it to 16 digits. */
    static double log10(BigDecimal positive) {
        BigDecimal leading = positive.round(MathContext.DECIMAL64);
        long exponent = (long) leading.precision() - leading.scale() - 1;
        return exponent + Math.log10(leading.movePointLeft((int) exponent).doubleValue());
    }

    static BigDecimal requireBoundedResult(BigDecimal value, String what) {
        if (value.precision() > MAX_RESULT_DIGITS) {
            throw new ToolCallException("The exact " + what + " has " + value.precision() + " digits, more than the "
                    + MAX_RESULT_DIGITS + " this server returns");
        }
        return value;
    }
}
