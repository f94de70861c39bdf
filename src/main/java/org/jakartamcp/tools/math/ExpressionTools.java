package org.jakartamcp.tools.math;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.ReadableResult;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;
import org.jakartamcp.mcp.spi.ToolCallException;

/** Evaluates arithmetic expressions with EvalEx, in decimal arithmetic to the precision asked for. */
@ApplicationScoped
public class ExpressionTools {

    static final int MAX_EXPRESSION_LENGTH = 1000;
    static final int MAX_VARIABLES = 100;
    /** Extra digits for every intermediate operation, so that rounding errors do not reach the digits returned. */
    static final int GUARD_DIGITS = 10;
    /**
     * CPU time an expression may take: each step is bounded, but a thousand characters hold some 200 steps, and
     * 160 square roots by ^0.5 to 1000 digits took 6 s. Checked after every step, with the call's cancellation.
     */
    static final Duration EVALUATION_BUDGET = Duration.ofSeconds(1);

    /**
     * An expression's value.
     *
     * @param expression the expression as given
     * @param result     its value, rounded to {@code precision} significant digits
     * @param precision  the significant digits of the result
     */
    public record Evaluation(@NotNull String expression, @NotNull String result, int precision) implements ReadableResult {
        @Override
        public String text() {
            return result;
        }
    }

    @Tool(machineCallers = true, title = "Evaluate an expression", description = "Evaluates an arithmetic expression in decimal arithmetic, e.g. "
            + "\"(2^64 + SQRT(2)) / 3\" or \"r^2 * PI\" with variables {\"r\": 1.5}. Operators + - * / % ^, parentheses; "
            + "functions SQRT, ABS, ROUND, FLOOR, CEILING, MIN, MAX, SUM, AVERAGE, FACT, LOG, LOG10, EXP, IF, SIN, COS, TAN "
            + "(degrees; SINR, COSR, TANR in radians) and their inverses, and constants PI and E. The result has `precision` "
            + "significant digits; every step is computed with 10 more (LOG, LOG10 and the trigonometric functions in double "
            + "precision, about 16 digits). Numbers stay within 10^-20000 to 10^20000.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Evaluation evaluate(@ToolArg(description = "The expression, at most 1000 characters") @NotBlank
                               @Size(max = MAX_EXPRESSION_LENGTH) String expression,
                               @ToolArg(description = "Values of the variables the expression uses, at most 100", required = false)
                               @Size(max = MAX_VARIABLES) Map<String, BigDecimal> variables,
                               @ToolArg(description = "Significant digits of every operation (default 34, at most 1000)", required = false)
                               @Min(1) @Max(Decimals.MAX_PRECISION) Integer precision,
                               Cancellation cancellation) {
        int digits = precision == null ? Decimals.DEFAULT_PRECISION : precision;
        Budget budget = new Budget(cancellation);
        Expression parsed = new Expression(expression, BoundedExpressions.configuration(digits + GUARD_DIGITS, budget));
        if (variables != null) {
            variables.forEach((name, value) -> parsed.with(name, ArgumentBounds.decimal("variables." + name, value)));
        }
        try {
            BoundedExpressions.requireBoundedLiterals(parsed);
            budget.start();
            EvaluationValue value = parsed.evaluate();
            if (!value.isNumberValue()) {
                throw new ToolCallException("The expression's value is not a number: " + value.getValue());
            }
            return new Evaluation(expression, Decimals.plain(value.getNumberValue().round(new MathContext(digits, RoundingMode.HALF_EVEN))),
                    digits);
        } catch (BaseException e) {
            throw new ToolCallException("Cannot evaluate the expression at position " + e.getStartPosition() + ": " + e.getMessage());
        }
    }

    /**
     * Runs after every step of an evaluation: stops it when the call is cancelled or its budget of CPU time is
     * spent (CPU time of this thread, so that a busy server does not refuse what an idle one answers).
     */
    private static final class Budget implements Runnable {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final Cancellation cancellation;
        private long deadline;
        private boolean started;

        Budget(Cancellation cancellation) {
            this.cancellation = cancellation;
        }

        /** Starts the clock once the expression is parsed (and, on the first call, the classes loaded). */
        void start() {
            deadline = now() + EVALUATION_BUDGET.toNanos();
            started = true;
        }

        @Override
        public void run() {
            cancellation.check();
            if (started && now() - deadline > 0) {
                throw new ToolCallException("The expression takes more than " + EVALUATION_BUDGET.toMillis() + " ms to compute; "
                        + "ask for fewer digits or split it up");
            }
        }

        private static long now() {
            long cpu = THREADS.getCurrentThreadCpuTime();
            return cpu >= 0 ? cpu : System.nanoTime(); // -1 where thread CPU time is not measured
        }
    }
}
