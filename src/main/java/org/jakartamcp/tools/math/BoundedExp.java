package org.jakartamcp.tools.math;

import ch.obermuhlner.math.big.BigDecimalMath;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.math.MathContext;

/** EXP(x) = e^x to the expression's precision (big-math), for x whose power stays within an expression's range. */
@FunctionParameter(name = "value")
final class BoundedExp extends AbstractFunction {

    /** e^46051 is about 10^20000, the largest magnitude an expression's numbers may reach. */
    static final BigDecimal MAX_ARGUMENT = BigDecimal.valueOf(46_051);

    @Override
    public EvaluationValue evaluate(Expression expression, Token function, EvaluationValue... parameters) throws EvaluationException {
        BigDecimal x = BoundedExpressions.number(function, parameters[0]);
        if (x.abs().compareTo(MAX_ARGUMENT) > 0) {
            throw new EvaluationException(function, "EXP needs a value from -" + MAX_ARGUMENT + " to " + MAX_ARGUMENT
                    + " (beyond, e^x leaves the range 10^-" + BoundedExpressions.MAX_MAGNITUDE + " to 10^"
                    + BoundedExpressions.MAX_MAGNITUDE + ")");
        }
        MathContext context = expression.getConfiguration().getMathContext();
        return expression.convertValue(BigDecimalMath.exp(x.round(BoundedPower.wider(context)), context));
    }
}
