package org.jakartamcp.tools.math;

import jakarta.validation.constraints.NotNull;
import org.jakartamcp.mcp.spi.ReadableResult;

/**
 * A quantity converted from one unit to another.
 *
 * @param value    the quantity converted, in the unit it was given in
 * @param from     the unit it was given in
 * @param to       the unit it was converted to
 * @param result   the converted value as a decimal: exact, or rounded to 34 significant digits
 * @param exact    whether the decimal result is exact
 * @param fraction the converted value exactly, as a fraction in lowest terms, when the conversion is
 *                 rational (every conversion except those through π, such as degrees to radians)
 */
public record UnitConversion(@NotNull String value, @NotNull String from, @NotNull String to, @NotNull String result,
                             boolean exact, String fraction) implements ReadableResult {

    @Override
    public String text() {
        String converted = value + " " + from + (exact ? " = " : " ≈ ") + result + " " + to;
        return exact || fraction == null ? converted : converted + " (exactly " + fraction + ")";
    }
}
