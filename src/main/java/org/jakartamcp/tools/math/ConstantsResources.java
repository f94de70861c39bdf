package org.jakartamcp.tools.math;

import ch.obermuhlner.math.big.BigDecimalMath;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jakartamcp.mcp.spi.CompleteArg;
import org.jakartamcp.mcp.spi.CompleteResourceTemplate;
import org.jakartamcp.mcp.spi.ResourceTemplate;
import org.jakartamcp.mcp.spi.ToolCallException;

/** Mathematical constants to as many digits as asked for (big-math), as resources a client can attach. */
@ApplicationScoped
public class ConstantsResources {

    static final int MAX_DIGITS = 10_000;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** The constants, by name, each computed to a given precision. */
    static final Map<String, Function<MathContext, BigDecimal>> CONSTANTS = Map.of(
            "pi", BigDecimalMath::pi,
            "e", BigDecimalMath::e,
            "sqrt2", context -> BigDecimalMath.sqrt(TWO, context),
            "ln2", context -> BigDecimalMath.log(TWO, context),
            "phi", context -> BigDecimal.ONE.add(BigDecimalMath.sqrt(BigDecimal.valueOf(5), widen(context)))
                    .divide(TWO, context));

    @ResourceTemplate(uriTemplate = "constants://{name}/{digits}", name = "constant", title = "Mathematical constant",
            description = "A mathematical constant (pi, e, sqrt2, ln2, phi) to the given number of significant digits, "
                    + "from 1 to 10000, e.g. constants://pi/100")
    public String constant(String name, String digits) {
        Function<MathContext, BigDecimal> constant = CONSTANTS.get(name);
        if (constant == null) {
            throw new ToolCallException("Unknown constant '" + name + "'; known: " + CONSTANTS.keySet().stream().sorted().toList());
        }
        return constant.apply(new MathContext(digits(digits), RoundingMode.HALF_EVEN)).toPlainString();
    }

    @CompleteResourceTemplate("constant")
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

    private static MathContext widen(MathContext context) {
        return new MathContext(context.getPrecision() + 5, context.getRoundingMode());
    }
}
