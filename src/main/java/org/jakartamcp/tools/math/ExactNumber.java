package org.jakartamcp.tools.math;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.hipparchus.fraction.BigFraction;
import org.jakartamcp.mcp.spi.ReadableResult;

/**
 * A rational result: as a fraction, always exact, and as a decimal, exact when the expansion
 * terminates and rounded to 34 significant digits otherwise.
 *
 * @param fraction numerator/denominator in lowest terms ("-1/3"), or an integer ("5")
 * @param decimal  the decimal value
 * @param exact    whether the decimal is exact
 */
public record ExactNumber(@NotNull String fraction, @NotNull String decimal, boolean exact) implements ReadableResult {

    @Override
    public String text() {
        return exact ? decimal : fraction + " ≈ " + decimal;
    }

    static ExactNumber of(BigFraction value) {
        String fraction = value.getDenominator().equals(BigInteger.ONE) ? value.getNumerator().toString()
                : value.getNumerator() + "/" + value.getDenominator();
        BigDecimal numerator = new BigDecimal(value.getNumerator());
        BigDecimal denominator = new BigDecimal(value.getDenominator());
        BigDecimal exact = Decimals.exactQuotient(numerator, denominator, Decimals.MAX_RESULT_DIGITS);
        return exact != null ? new ExactNumber(fraction, Decimals.plain(exact), true)
                : new ExactNumber(fraction, Decimals.plain(numerator.divide(denominator, MathContext.DECIMAL128)), false);
    }

    static BigFraction fraction(BigDecimal value) {
        return value.scale() > 0 ? new BigFraction(value.unscaledValue(), BigInteger.TEN.pow(value.scale()))
                : new BigFraction(value.toBigIntegerExact(), BigInteger.ONE);
    }
}
