package org.jakartamcp.tools.math;

import static com.ezylang.evalex.operators.OperatorIfc.OPERATOR_PRECEDENCE_POWER;

import ch.obermuhlner.math.big.BigDecimalMath;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.operators.InfixOperator;
import com.ezylang.evalex.operators.arithmetic.InfixPowerOfOperator;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * EvalEx's ^ to the expression's precision, refused before any work when the power would leave the range of an expression's numbers
 * (2^1e300000000), and for the cases the built-in one answers with an internal error (a negative base with
 * a fractional exponent, 0 to a negative power, an exponent beyond the JDK's pow).
 */
@InfixOperator(precedence = OPERATOR_PRECEDENCE_POWER, leftAssociative = false)
final class BoundedPower extends InfixPowerOfOperator {

    /** {@link BigDecimal#pow(int, MathContext)} takes no larger exponent. */
    private static final BigDecimal MAX_EXPONENT = BigDecimal.valueOf(999_999_999);

    @Override
    public EvaluationValue evaluate(Expression expression, Token operator, EvaluationValue... operands) throws EvaluationException {
        BigDecimal base = BoundedExpressions.number(operator, operands[0]);
        BigDecimal exponent = BoundedExpressions.number(operator, operands[1]);
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw new EvaluationException(operator, "0 has no negative power (division by zero)");
        }
        if (exponent.abs().compareTo(MAX_EXPONENT) > 0) {
            throw new EvaluationException(operator, "The exponent must be from -" + MAX_EXPONENT + " to " + MAX_EXPONENT);
        }
        boolean integer = Decimals.stripTrailingZeros(exponent).scale() <= 0;
        if (base.signum() < 0 && !integer) {
            throw new EvaluationException(operator, "A negative base has no real power with a fractional exponent");
        }
        if (base.signum() != 0) {
            double magnitude = exponent.doubleValue() * Decimals.log10(base.abs());
            if (!(Math.abs(magnitude) <= BoundedExpressions.MAX_MAGNITUDE)) {
                throw new EvaluationException(operator, "The power is about 10^" + String.format("%.4g", magnitude)
                        + ", beyond the range of 10^-" + BoundedExpressions.MAX_MAGNITUDE + " to 10^" + BoundedExpressions.MAX_MAGNITUDE
                        + " an expression's numbers may reach");
            }
        }
        MathContext context = expression.getConfiguration().getMathContext();
        // EvalEx's own takes the fractional part of the exponent in double (16 digits; NaN or infinite for large bases)
        return expression.convertValue(integer ? base.pow(exponent.intValueExact(), context)
                : BigDecimalMath.pow(base.round(wider(context)), exponent.round(wider(context)), context));
    }

    /** big-math works with every digit of its operands (PI has 1010 here), however few the result needs. */
    static MathContext wider(MathContext context) {
        return new MathContext(context.getPrecision() + ExpressionTools.GUARD_DIGITS, context.getRoundingMode());
    }
}
