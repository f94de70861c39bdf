package org.jakartamcp.tools.math;

import ch.obermuhlner.math.big.BigDecimalMath;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jakartamcp.mcp.spi.CacheHint;
import org.jakartamcp.mcp.spi.CompleteArg;
import org.jakartamcp.mcp.spi.CompleteResourceTemplate;
import org.jakartamcp.mcp.spi.ResourceTemplate;
import org.jakartamcp.mcp.spi.ToolCallException;

/** Mathematical constants to as many digits as asked for (big-math), as resources a client can attach. */
@ApplicationScoped
public class ConstantsResources {

    static final int MAX_DIGITS = 10_000;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Digits beyond those asked for, so that the truncation of each term of a series does not reach them. */
    private static final int GUARD_DIGITS = 10;

    /** The constants, by name, each computed to a given precision. */
    static final Map<String, Function<MathContext, BigDecimal>> CONSTANTS = Map.of(
            "pi", BigDecimalMath::pi,
            "e", ConstantsResources::e,
            "sqrt2", context -> BigDecimalMath.sqrt(TWO, context),
            "ln2", ConstantsResources::ln2,
            "phi", context -> BigDecimal.ONE.add(BigDecimalMath.sqrt(BigDecimal.valueOf(5), widen(context)))
                    .divide(TWO, context));

    /** The constants' URI template; clients complete its variables by it ({@code ref/resource}). */
    static final String TEMPLATE = "constants://{name}/{digits}";

    /** A constant's digits never change; the set of constants only with a deployment. */
    @CacheHint(ttlMs = CacheHint.UNTIL_REDEPLOY, scope = CacheHint.Scope.PUBLIC)
    @ResourceTemplate(uriTemplate = TEMPLATE, name = "constant", title = "Mathematical constant",
            description = "A mathematical constant (pi, e, sqrt2, ln2, phi) to the given number of significant digits, "
                    + "from 1 to 10000, e.g. constants://pi/100")
    public String constant(String name, String digits) {
        Function<MathContext, BigDecimal> constant = CONSTANTS.get(name);
        if (constant == null) {
            throw new ToolCallException("Unknown constant '" + name + "'; known: " + CONSTANTS.keySet().stream().sorted().toList());
        }
        return constant.apply(new MathContext(digits(digits), RoundingMode.HALF_EVEN)).toPlainString();
    }

    @CompleteResourceTemplate(TEMPLATE)
    public List<String> completeName(@CompleteArg(name = "name") String prefix) {
        return CONSTANTS.keySet().stream().filter(name -> name.startsWith(prefix)).sorted().toList();
    }

    private static int digits(String digits) {
        try {
            int value = Integer.parseInt(digits);
            if (value >= 1 && value <= MAX_DIGITS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new ToolCallException("The number of digits must be an integer from 1 to " + MAX_DIGITS + ", not '" + digits + "'");
    }

    /**
     * e = Σ 1/k!, summed in integers scaled by 10^(digits + 10): 5 ms for 10,000 digits, where big-math's took
     * 1.4 s of CPU.
     */
    static BigDecimal e(MathContext context) {
        int digits = context.getPrecision() + GUARD_DIGITS;
        BigInteger term = BigInteger.TEN.pow(digits);
        BigInteger sum = BigInteger.ZERO;
        for (long k = 1; term.signum() > 0; k++) {
            sum = sum.add(term);
            term = term.divide(BigInteger.valueOf(k));
        }
        return new BigDecimal(sum, digits).round(context);
    }

    /**
     * ln 2 = 2 atanh(1/3) = Σ 2 / ((2k + 1) 3^(2k+1)), summed in integers scaled by 10^(digits + 10): about 50 ms
     * for 10,000 digits, where big-math's logarithm took 35 s of CPU.
     */
    static BigDecimal ln2(MathContext context) {
        int digits = context.getPrecision() + GUARD_DIGITS;
        BigInteger power = BigInteger.TEN.pow(digits).shiftLeft(1).divide(BigInteger.valueOf(3));
        BigInteger sum = BigInteger.ZERO;
        BigInteger nine = BigInteger.valueOf(9);
        for (long k = 0; power.signum() > 0; k++) {
            sum = sum.add(power.divide(BigInteger.valueOf(2 * k + 1)));
            power = power.divide(nine);
        }
        return new BigDecimal(sum, digits).round(context);
    }

    private static MathContext widen(MathContext context) {
        return new MathContext(context.getPrecision() + 5, context.getRoundingMode());
    }
}
