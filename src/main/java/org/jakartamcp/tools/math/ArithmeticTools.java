package org.jakartamcp.tools.math;

import ch.obermuhlner.math.big.BigDecimalMath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * Exact arithmetic on decimal numbers of any size: 0.1 + 0.2 is 0.3 here. Where a result cannot be
 * exact (1/3, √2) it is rounded to the precision asked for, and says so.
 */
@ApplicationScoped
public class ArithmeticTools {

    /** The largest magnitude (decimal exponent) of a power with a fractional exponent, as far as arguments reach. */
    static final int MAX_FRACTIONAL_POWER_MAGNITUDE = 20_000;

    private static final String PRECISION = "Significant digits of a result that cannot be exact (default 34, at most 1000)";
    private static final String ROUNDING = "How to round a result that cannot be exact (default HALF_EVEN, banker's rounding)";

    @Tool(machineCallers = true, title = "Add", description = "Adds two numbers exactly, in decimal arithmetic (0.1 + 0.2 = 0.3, with no binary rounding). "
            + "Use it for any sum you would otherwise work out yourself.", annotations = @Tool.Annotations(readOnlyHint = true,
            idempotentHint = true, openWorldHint = false))
    public Calculation add(@ToolArg(description = "The first number, e.g. 0.1 or \"-12345678901234567890.5\"") BigDecimal a,
                           @ToolArg(description = "The second number") BigDecimal b) {
        return Calculation.exact(a.add(b));
    }

    @Tool(machineCallers = true, title = "Subtract", description = "Subtracts b from a exactly, in decimal arithmetic.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Calculation subtract(@ToolArg(description = "The number to subtract from") BigDecimal a,
                                @ToolArg(description = "The number to subtract") BigDecimal b) {
        return Calculation.exact(a.subtract(b));
    }

    @Tool(machineCallers = true, title = "Multiply", description = "Multiplies two numbers exactly, keeping every digit (1.1 × 1.1 = 1.21).",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Calculation multiply(@ToolArg(description = "The first factor") BigDecimal a,
                                @ToolArg(description = "The second factor") BigDecimal b) {
        return Calculation.exact(Decimals.requireBoundedResult(a.multiply(b), "product"));
    }

    @Tool(machineCallers = true, title = "Divide", description = "Divides a by b. The quotient is exact when it has a finite decimal expansion "
            + "(1/8 = 0.125); otherwise (1/3) it is rounded to the precision asked for, and the result says so.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Calculation divide(@ToolArg(description = "The dividend") BigDecimal a,
                              @ToolArg(description = "The divisor, not zero") BigDecimal b,
                              @ToolArg(description = PRECISION, required = false) @Min(1) @Max(Decimals.MAX_PRECISION) Integer precision,
                              @ToolArg(description = ROUNDING, required = false) RoundingMode rounding) {
        if (b.signum() == 0) {
            throw new ToolCallException("Division by zero: argument 'b' is 0");
        }
        MathContext context = Decimals.context(precision, rounding);
        BigDecimal exact = Decimals.exactQuotient(a, b, Decimals.MAX_RESULT_DIGITS);
        return exact != null ? Calculation.exact(exact) : Calculation.of(a.divide(b, context), false, context);
    }

    @Tool(machineCallers = true, title = "Power", description = "Raises a base to an exponent. Integer exponents give exact results "
            + "(2^64 = 18446744073709551616, 0.1^3 = 0.001); fractional exponents (2^0.5) give a rounded result.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Calculation power(@ToolArg(description = "The base") BigDecimal base,
                             @ToolArg(description = "The exponent, from -10000 to 10000") @Min(-10_000) @Max(10_000) BigDecimal exponent,
                             @ToolArg(description = PRECISION, required = false) @Min(1) @Max(Decimals.MAX_PRECISION) Integer precision,
                             @ToolArg(description = ROUNDING, required = false) RoundingMode rounding) {
        MathContext context = Decimals.context(precision, rounding);
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw new ToolCallException("0 has no negative power (division by zero)");
        }
        if (isInteger(exponent)) {
            int n = exponent.intValueExact();
            long digits = (long) Math.max(1, base.precision()) * Math.abs(n);
            if (digits > Decimals.MAX_RESULT_DIGITS) {
                throw new ToolCallException("The exact power would have about " + digits + " digits, more than the "
                        + Decimals.MAX_RESULT_DIGITS + " this server returns");
            }
            BigDecimal positive = base.pow(Math.abs(n));
            return n >= 0 ? Calculation.exact(positive) : divide(BigDecimal.ONE, positive, precision, rounding);
        }
        if (base.signum() < 0) {
            throw new ToolCallException("A negative base has no real power with a fractional exponent");
        }
        double magnitude = base.signum() == 0 ? 0 : exponent.doubleValue() * Decimals.log10(base);
        if (Math.abs(magnitude) > MAX_FRACTIONAL_POWER_MAGNITUDE) {
            // big-math took 7 minutes for (1e-10000)^-9999.5, about 10^99995000
            throw new ToolCallException("The power is about 10^" + String.format("%.4g", magnitude) + "; with a fractional "
                    + "exponent, powers from 10^-" + MAX_FRACTIONAL_POWER_MAGNITUDE + " to 10^" + MAX_FRACTIONAL_POWER_MAGNITUDE
                    + " can be computed");
        }
        return Calculation.of(BigDecimalMath.pow(base, exponent, context), false, context);
    }

    @Tool(machineCallers = true, title = "Root", description = "The n-th root of a number (square root by default). Exact when the root is a "
            + "finite decimal (√2.25 = 1.5), rounded otherwise (√2).",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Calculation root(@ToolArg(description = "The number") BigDecimal x,
                            @ToolArg(description = "Which root: 2 for square, 3 for cube (default 2, at most 1000)", required = false)
                            @Min(2) @Max(1000) Integer degree,
                            @ToolArg(description = PRECISION, required = false) @Min(1) @Max(Decimals.MAX_PRECISION) Integer precision,
                            @ToolArg(description = ROUNDING, required = false) RoundingMode rounding) {
        int n = degree == null ? 2 : degree;
        if (x.signum() < 0 && n % 2 == 0) {
            throw new ToolCallException("A negative number has no real root of even degree " + n);
        }
        MathContext context = Decimals.context(precision, rounding);
        if (x.signum() == 0) {
            return Calculation.exact(BigDecimal.ZERO);
        }
        // big-math divides by zero for 1e-10000, and works on every digit of x: root(m · 10^(n·k)) = root(m) · 10^k,
        // with m rounded to the digits that matter
        BigDecimal abs = x.abs();
        long k = Math.floorDiv((long) abs.precision() - abs.scale() - 1, n);
        BigDecimal mantissa = abs.scaleByPowerOfTen((int) -(k * n)).round(new MathContext(context.getPrecision() + 10));
        BigDecimal magnitude = BigDecimalMath.root(mantissa, BigDecimal.valueOf(n), context).scaleByPowerOfTen((int) k);
        BigDecimal root = x.signum() < 0 ? magnitude.negate() : magnitude;
        BigDecimal stripped = Decimals.stripTrailingZeros(root);
        // a root of p digits raised to the n-th power has about n·(p - 1) digits: only then can it be x
        boolean exact = stripped.precision() < context.getPrecision()
                && (long) n * (stripped.precision() - 1) <= Decimals.stripTrailingZeros(x).precision()
                && stripped.pow(n).compareTo(x) == 0;
        return Calculation.of(exact ? stripped : root, exact, context);
    }

    @Tool(machineCallers = true, title = "Modulo", description = "The Euclidean remainder of a divided by b: always between 0 and |b| "
            + "(-7 mod 3 = 2), exact for decimals too (5.5 mod 2 = 1.5).",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Calculation modulo(@ToolArg(description = "The dividend") BigDecimal a,
                              @ToolArg(description = "The divisor, not zero") BigDecimal b) {
        if (b.signum() == 0) {
            throw new ToolCallException("Modulo by zero: argument 'b' is 0");
        }
        BigDecimal remainder = a.remainder(b);
        return Calculation.exact(remainder.signum() < 0 ? remainder.add(b.abs()) : remainder);
    }

    @Tool(machineCallers = true, title = "Absolute value", description = "The absolute value |x|.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Calculation absolute(@ToolArg(description = "The number") BigDecimal x) {
        return Calculation.exact(x.abs());
    }

    @Tool(machineCallers = true, title = "Round", description = "Rounds a number to a number of decimal places (negative: to tens, hundreds, ...) "
            + "with the rounding mode asked for (2.675 to 2 places, HALF_UP = 2.68, which binary floating point gets wrong).",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Calculation round(@ToolArg(description = "The number") BigDecimal x,
                             @ToolArg(description = "Decimal places to keep, from -1000 to 1000") @Min(-1000) @Max(1000) int decimals,
                             @ToolArg(description = "Rounding mode (default HALF_EVEN)", required = false) RoundingMode rounding) {
        return Calculation.exact(x.setScale(decimals, rounding == null ? RoundingMode.HALF_EVEN : rounding));
    }

    private static boolean isInteger(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
