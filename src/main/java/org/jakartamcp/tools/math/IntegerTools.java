package org.jakartamcp.tools.math;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.ReadableResult;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;
import org.jakartamcp.mcp.spi.ToolCallException;

/** Integers of any size: factorials, greatest common divisors, primes and factorizations. */
@ApplicationScoped
public class IntegerTools {

    static final int MAX_FACTORIAL = 5000;
    static final int MAX_PRIMALITY_DIGITS = 1000;
    private static final BigInteger GCD_LIMIT = BigInteger.TEN.pow(MAX_PRIMALITY_DIGITS);
    private static final String VALUES = "The integers, 2 to 1000 of them, each of at most 1000 digits";
    static final Duration FACTORIZATION_BUDGET = Duration.ofSeconds(2);

    @Tool(machineCallers = true, title = "Factorial", description = "n! exactly, every digit (25! = 15511210043330985984000000), for n up to 5000.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public IntegerResult factorial(@ToolArg(description = "n, from 0 to 5000") @Min(0) @Max(MAX_FACTORIAL) int n) {
        BigInteger product = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            product = product.multiply(BigInteger.valueOf(i));
        }
        return IntegerResult.of(product);
    }

    @Tool(machineCallers = true, title = "Greatest common divisor", description = "The greatest common divisor of two or more integers.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public IntegerResult gcd(@ToolArg(description = VALUES) @Size(min = 2, max = 1000) List<BigInteger> values) {
        return IntegerResult.of(bounded(values).stream().reduce(BigInteger.ZERO, BigInteger::gcd));
    }

    @Tool(machineCallers = true, title = "Least common multiple", description = "The least common multiple of two or more integers.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public IntegerResult lcm(@ToolArg(description = VALUES) @Size(min = 2, max = 1000) List<BigInteger> values) {
        BigInteger lcm = BigInteger.ONE;
        for (BigInteger value : bounded(values)) {
            if (value.signum() == 0) {
                return IntegerResult.of(BigInteger.ZERO);
            }
            lcm = lcm.divide(lcm.gcd(value)).multiply(value.abs());
            if (lcm.bitLength() > 66_000) {
                throw new ToolCallException("The least common multiple grows beyond 20000 digits");
            }
        }
        return IntegerResult.of(lcm);
    }

    /**
     * gcd and lcm take integers of at most 1000 digits: a gcd of two 10,000-digit integers takes milliseconds,
     * and a thousand of them (1000 × 1e9999 · k, within the request limit) took 2.8 s.
     */
    private static List<BigInteger> bounded(List<BigInteger> values) {
        for (int i = 0; i < values.size(); i++) {
            BigInteger value = values.get(i);
            if (value == null) {
                throw new ToolCallException("Argument 'values' has a null at position " + i);
            }
            if (value.abs().compareTo(GCD_LIMIT) >= 0) {
                throw new ToolCallException("Argument 'values' has an integer of more than " + MAX_PRIMALITY_DIGITS
                        + " digits at position " + i);
            }
        }
        return values;
    }

    @Tool(machineCallers = true, name = "is_prime", title = "Primality", description = "Whether an integer is prime. 'composite' is certain; "
            + "'prime' is wrong with a probability below 2^-128 (Miller-Rabin and Lucas tests).",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Primality isPrime(@ToolArg(description = "The integer, at most 1000 digits") BigInteger n) {
        // a 1000-digit prime takes ~0.3 s to confirm here; a 10000-digit number took 28 s
        if (n.abs().toString().length() > MAX_PRIMALITY_DIGITS) {
            throw new ToolCallException("Argument 'n' has more than " + MAX_PRIMALITY_DIGITS + " digits");
        }
        return new Primality(n.toString(), n.compareTo(BigInteger.TWO) >= 0 && n.isProbablePrime(128));
    }

    /**
     * Whether a number is prime.
     *
     * @param number the number
     * @param prime  whether it is prime
     */
    public record Primality(@NotNull String number, boolean prime) implements ReadableResult {
        @Override
        public String text() {
            if (new BigInteger(number).compareTo(BigInteger.TWO) < 0) {
                return number + " is not prime (primes are integers greater than 1)";
            }
            return number + (prime ? " is prime" : " is composite");
        }
    }

    @Tool(machineCallers = true, title = "Factorize", description = "The prime factorization of an integer greater than 1 (600851475143 = 71 × 839 × "
            + "1471 × 6857). Numbers whose factors all have under ~25 digits are fast; harder ones stop after 2 s with an error.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Factorization factorize(@ToolArg(description = "The integer, greater than 1, at most 100 digits") BigInteger n,
                                   Cancellation cancellation) {
        if (n.compareTo(BigInteger.TWO) < 0) {
            throw new ToolCallException("Argument 'n' must be greater than 1");
        }
        if (n.toString().length() > 100) {
            throw new ToolCallException("Argument 'n' has more than 100 digits");
        }
        return Factorization.of(n, PrimeFactors.of(n, FACTORIZATION_BUDGET, cancellation));
    }
}
