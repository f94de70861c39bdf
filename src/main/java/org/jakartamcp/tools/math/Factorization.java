package org.jakartamcp.tools.math;

import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import java.util.List;
import org.jakartamcp.mcp.spi.ReadableResult;

/**
 * The prime factors of a number, smallest first, each as often as it divides.
 *
 * @param number  the number factorized
 * @param factors its prime factors, as strings
 */
public record Factorization(@NotNull String number, @NotNull List<String> factors) implements ReadableResult {

    static Factorization of(BigInteger number, List<BigInteger> factors) {
        return new Factorization(number.toString(), factors.stream().sorted().map(BigInteger::toString).toList());
    }

    @Override
    public String text() {
        return number + " = " + (factors.isEmpty() ? number : String.join(" × ", factors));
    }
}
