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

    static BigDecimal requireBoundedResult(BigDecimal value, String what) {
        if (value.precision() > MAX_RESULT_DIGITS) {
            throw new ToolCallException("The exact " + what + " has " + value.precision() + " digits, more than the "
                    + MAX_RESULT_DIGITS + " this server returns");
        }
        return value;
    }
}
