package org.jakartamcp.tools.math;

import java.math.BigDecimal;
import org.jakartamcp.mcp.spi.ToolCallException;

/** Bounds on numbers that reach a tool inside structures the argument converter does not look into (maps). */
final class ArgumentBounds {

    private static final int MAX_DIGITS = 10_000;

    private ArgumentBounds() {
    }

    static BigDecimal decimal(String name, BigDecimal value) {
        if (value == null) {
            throw new ToolCallException("Argument '" + name + "' is null");
        }
        if (value.precision() > MAX_DIGITS || Math.abs((long) value.scale()) > MAX_DIGITS) {
            throw new ToolCallException("Argument '" + name + "' is too large or too precise: at most " + MAX_DIGITS + " digits");
        }
        return value;
    }
}
