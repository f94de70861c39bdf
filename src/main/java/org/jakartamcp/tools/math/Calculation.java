package org.jakartamcp.tools.math;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.MathContext;
import org.jakartamcp.mcp.spi.ReadableResult;

/**
 * A decimal result. The value is a string so that no digit is lost on the way to a client that
 * would read a JSON number as a binary double.
 *
 * @param result       the value, in plain notation
 * @param exact        whether it is exactly the mathematical result, or rounded
 * @param significantDigits the precision it was rounded to, when it was
 * @param rounding     the rounding mode used, when it was rounded
 */
public record Calculation(@NotNull String result, boolean exact, Integer significantDigits, String rounding) implements ReadableResult {

    static Calculation exact(BigDecimal value) {
        return new Calculation(Decimals.plain(value), true, null, null);
    }

    static Calculation of(BigDecimal value, boolean exact, MathContext context) {
        return exact ? exact(value) : new Calculation(Decimals.plain(value), false, context.getPrecision(),
                context.getRoundingMode().name());
    }

    @Override
    public String text() {
        return exact ? result : result + " (rounded to " + significantDigits + " significant digits, " + rounding + ")";
    }
}
