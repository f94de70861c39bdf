package org.jakartamcp.tools.math;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.math.BigInteger;

/** EvalEx's FACT, exact, and refused beyond n = 5000 (the built-in one would loop a billion times for FACT(1e9)). */
@FunctionParameter(name = "n")
final class BoundedFactorial extends AbstractFunction {

    @Override
    public EvaluationValue evaluate(Expression expression, Token function, EvaluationValue... parameters) throws EvaluationException {
        BigDecimal n = parameters[0].getNumberValue();
        if (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(IntegerTools.MAX_FACTORIAL)) > 0
                || Decimals.stripTrailingZeros(n).scale() > 0) {
            throw new EvaluationException(function, "FACT needs an integer from 0 to " + IntegerTools.MAX_FACTORIAL);
        }
        BigInteger product = BigInteger.ONE;
        for (int i = 2; i <= n.intValue(); i++) {
            product = product.multiply(BigInteger.valueOf(i));
        }
        return EvaluationValue.numberValue(new BigDecimal(product).round(expression.getConfiguration().getMathContext()));
    }
}
