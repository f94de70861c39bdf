package org.jakartamcp.tools.math;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;

/**
 * EvalEx's ROUND, with the number of decimal places bounded: the built-in one takes any, and ROUND(1, 3000000)
 * builds a number of three million digits (hours of CPU once its trailing zeros are stripped).
 */
@FunctionParameter(name = "value")
@FunctionParameter(name = "scale")
final class BoundedRound extends AbstractFunction {

    @Override
    public EvaluationValue evaluate(Expression expression, Token function, EvaluationValue... parameters) throws EvaluationException {
        BigDecimal places = parameters[1].getNumberValue();
        if (places == null || places.abs().compareTo(BigDecimal.valueOf(BoundedExpressions.MAX_MAGNITUDE)) > 0
                || Decimals.stripTrailingZeros(places).scale() > 0) {
            throw new EvaluationException(function, "ROUND needs a number of decimal places from -" + BoundedExpressions.MAX_MAGNITUDE
                    + " to " + BoundedExpressions.MAX_MAGNITUDE);
        }
        BigDecimal value = BoundedExpressions.number(function, parameters[0]);
        return expression.convertValue(value.setScale(places.intValue(),
                expression.getConfiguration().getMathContext().getRoundingMode()));
    }
}
