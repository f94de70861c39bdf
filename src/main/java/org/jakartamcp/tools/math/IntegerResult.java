package org.jakartamcp.tools.math;

import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import org.jakartamcp.mcp.spi.ReadableResult;

/**
 * An integer of any size, as a string so that clients keep every digit.
 *
 * @param result the value in decimal
 * @param digits how many decimal digits it has
 */
public record IntegerResult(@NotNull String result, int digits) implements ReadableResult {

    static IntegerResult of(BigInteger value) {
        String text = value.toString();
        return new IntegerResult(text, value.signum() < 0 ? text.length() - 1 : text.length());
    }

    @Override
    public String text() {
        return result;
    }
}
