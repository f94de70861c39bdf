package org.jakartamcp.tools.math;

import java.math.BigDecimal;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * Bounds on numbers that reach a tool inside structures the argument converter does not look into (maps)
 * or inside an expression's text: the same as the argument converter's for every number argument.
 */
final class ArgumentBounds {

    static final int MAX_DIGITS = 10_000;
    static final String LIMIT = "at most " + MAX_DIGITS + " digits and an exponent of at most " + MAX_DIGITS + " in magnitude";

    private ArgumentBounds() {
    }

    static BigDecimal decimal(String name, BigDecimal value) {
        if (value == null) {
            throw new ToolCallException("Argument '" + name + "' is null");
        }
        if (!within(value)) {
            throw new ToolCallException("Argument '" + name + "' is too large or too precise: " + LIMIT);
        }
        return value;
    }

    static boolean within(BigDecimal value) {
        return value.precision() <= MAX_DIGITS && Math.abs((long) value.scale()) <= MAX_DIGITS;
    }
}
