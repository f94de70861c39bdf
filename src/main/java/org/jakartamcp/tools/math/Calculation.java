package org.jakartamcp.tools.math;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.MathContext;
import org.jakartamcp.mcp.spi.ClaimsExactness;
import org.jakartamcp.mcp.spi.ReadableResult;

/**
 * A decimal result. The value is a string so that no digit is lost on the way to a client that
 * would read a JSON number as a binary double.
 *
 * @param result       the value, in plain notation
 * @param exact        whether it is exactly the mathematical result; false when it is rounded, or when an
 *                     argument may not be the number the user wrote (see {@code note})
 * @param significantDigits the precision it was rounded to, when it was
 * @param rounding     the rounding mode used, when it was rounded
 * @param note         why the result is not known to be exact although no rounding was needed, when it is so
 */
public record Calculation(@NotNull String result, boolean exact, Integer significantDigits, String rounding, String note)
        implements ReadableResult, ClaimsExactness<Calculation> {

    static Calculation exact(BigDecimal value) {
        return new Calculation(Decimals.plain(value), true, null, null, null);
    }

    static Calculation of(BigDecimal value, boolean exact, MathContext context) {
        return exact ? exact(value) : new Calculation(Decimals.plain(value), false, context.getPrecision(),
                context.getRoundingMode().name(), null);
    }

    @Override
    public Calculation inDoubt(String reason) {
        return new Calculation(result, false, significantDigits, rounding, reason);
    }

    @Override
    public String text() {
        if (exact) {
            return result;
        }
        String rounded = significantDigits == null ? null : "rounded to " + significantDigits + " significant digits, " + rounding;
        return result + " (" + (rounded == null ? note : note == null ? rounded : rounded + "; " + note) + ")";
    }
}
