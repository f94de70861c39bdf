package org.jakartamcp.tools.math;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.parser.Token;

/**
 * SQRT by the JDK's {@link java.math.BigDecimal#sqrt}, which works on the significant digits only: EvalEx's
 * shifts the number into an integer of as many digits as its exponent (SQRT(1e50000000): fifty million), and
 * answers 0 for SQRT(1e-3000).
 */
@FunctionParameter(name = "value", nonNegative = true)
final class BoundedSqrt extends AbstractFunction {

    @Override
    public EvaluationValue evaluate(Expression expression, Token function, EvaluationValue... parameters) throws EvaluationException {
        return expression.convertValue(BoundedExpressions.number(function, parameters[0])
                .sqrt(expression.getConfiguration().getMathContext()));
    }
}
