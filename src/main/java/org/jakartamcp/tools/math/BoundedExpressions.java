package org.jakartamcp.tools.math;

import ch.obermuhlner.math.big.BigDecimalMath;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.FunctionDictionaryIfc;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.config.MapBasedOperatorDictionary;
import com.ezylang.evalex.config.OperatorDictionaryIfc;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.data.conversion.DefaultEvaluationValueConverter;
import com.ezylang.evalex.data.conversion.EvaluationValueConverterIfc;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.AverageFunction;
import com.ezylang.evalex.functions.basic.CeilingFunction;
import com.ezylang.evalex.functions.basic.FloorFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.Log10Function;
import com.ezylang.evalex.functions.basic.LogFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.NotFunction;
import com.ezylang.evalex.functions.basic.SumFunction;
import com.ezylang.evalex.functions.trigonometric.AcosFunction;
import com.ezylang.evalex.functions.trigonometric.AcosHFunction;
import com.ezylang.evalex.functions.trigonometric.AcosRFunction;
import com.ezylang.evalex.functions.trigonometric.AsinFunction;
import com.ezylang.evalex.functions.trigonometric.AsinHFunction;
import com.ezylang.evalex.functions.trigonometric.AsinRFunction;
import com.ezylang.evalex.functions.trigonometric.Atan2Function;
import com.ezylang.evalex.functions.trigonometric.Atan2RFunction;
import com.ezylang.evalex.functions.trigonometric.AtanFunction;
import com.ezylang.evalex.functions.trigonometric.AtanHFunction;
import com.ezylang.evalex.functions.trigonometric.AtanRFunction;
import com.ezylang.evalex.functions.trigonometric.CosFunction;
import com.ezylang.evalex.functions.trigonometric.CosHFunction;
import com.ezylang.evalex.functions.trigonometric.CosRFunction;
import com.ezylang.evalex.functions.trigonometric.DegFunction;
import com.ezylang.evalex.functions.trigonometric.RadFunction;
import com.ezylang.evalex.functions.trigonometric.SinFunction;
import com.ezylang.evalex.functions.trigonometric.SinHFunction;
import com.ezylang.evalex.functions.trigonometric.SinRFunction;
import com.ezylang.evalex.functions.trigonometric.TanFunction;
import com.ezylang.evalex.functions.trigonometric.TanHFunction;
import com.ezylang.evalex.functions.trigonometric.TanRFunction;
import com.ezylang.evalex.operators.arithmetic.InfixDivisionOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.InfixModuloOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMultiplicationOperator;
import com.ezylang.evalex.operators.arithmetic.InfixPlusOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixPlusOperator;
import com.ezylang.evalex.operators.booleans.InfixAndOperator;
import com.ezylang.evalex.operators.booleans.InfixEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterOperator;
import com.ezylang.evalex.operators.booleans.InfixLessEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixLessOperator;
import com.ezylang.evalex.operators.booleans.InfixNotEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixOrOperator;
import com.ezylang.evalex.operators.booleans.PrefixNotOperator;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.ParseException;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * The language {@code evaluate} accepts: EvalEx with only functions and operators whose cost is bounded by
 * the size of their operands (the costly ones replaced by bounded versions; text, dates, RANDOM, arrays and
 * structures left out), number literals bounded like arguments, and every computed number kept within
 * {@value #MAX_MAGNITUDE} decimal orders of magnitude of 1 and {@value ArgumentBounds#MAX_DIGITS} digits, so
 * that no step of an expression works on a number larger than that.
 */
final class BoundedExpressions {

    /** The largest decimal exponent (in magnitude) of a number an expression computes: 10^20000 is as far as arguments reach. */
    static final int MAX_MAGNITUDE = 2 * ArgumentBounds.MAX_DIGITS;

    // shared by every call, so never changed after this: EvalEx's withAdditionalFunctions would change them
    private static final FunctionDictionaryIfc FUNCTIONS = MapBasedFunctionDictionary.ofFunctions(
            Map.entry("ABS", new AbsFunction()),
            Map.entry("AVERAGE", new AverageFunction()),
            Map.entry("CEILING", new CeilingFunction()),
            Map.entry("EXP", new BoundedExp()),
            Map.entry("FACT", new BoundedFactorial()),
            Map.entry("FLOOR", new FloorFunction()),
            Map.entry("IF", new IfFunction()),
            Map.entry("LOG", new LogFunction()),
            Map.entry("LOG10", new Log10Function()),
            Map.entry("MAX", new MaxFunction()),
            Map.entry("MIN", new MinFunction()),
            Map.entry("NOT", new NotFunction()),
            Map.entry("ROUND", new BoundedRound()),
            Map.entry("SQRT", new BoundedSqrt()),
            Map.entry("SUM", new SumFunction()),
            // EvalEx computes these in double from the operand's double value: cheap at any size
            Map.entry("ACOS", new AcosFunction()),
            Map.entry("ACOSH", new AcosHFunction()),
            Map.entry("ACOSR", new AcosRFunction()),
            Map.entry("ASIN", new AsinFunction()),
            Map.entry("ASINH", new AsinHFunction()),
            Map.entry("ASINR", new AsinRFunction()),
            Map.entry("ATAN", new AtanFunction()),
            Map.entry("ATAN2", new Atan2Function()),
            Map.entry("ATAN2R", new Atan2RFunction()),
            Map.entry("ATANH", new AtanHFunction()),
            Map.entry("ATANR", new AtanRFunction()),
            Map.entry("COS", new CosFunction()),
            Map.entry("COSH", new CosHFunction()),
            Map.entry("COSR", new CosRFunction()),
            Map.entry("DEG", new DegFunction()),
            Map.entry("RAD", new RadFunction()),
            Map.entry("SIN", new SinFunction()),
            Map.entry("SINH", new SinHFunction()),
            Map.entry("SINR", new SinRFunction()),
            Map.entry("TAN", new TanFunction()),
            Map.entry("TANH", new TanHFunction()),
            Map.entry("TANR", new TanRFunction()));

    private static final OperatorDictionaryIfc OPERATORS = MapBasedOperatorDictionary.ofOperators(
            Map.entry("+", new PrefixPlusOperator()),
            Map.entry("-", new PrefixMinusOperator()),
            Map.entry("+", new InfixPlusOperator()),
            Map.entry("-", new InfixMinusOperator()),
            Map.entry("*", new InfixMultiplicationOperator()),
            Map.entry("/", new InfixDivisionOperator()),
            Map.entry("^", new BoundedPower()),
            Map.entry("%", new InfixModuloOperator()),
            Map.entry("=", new InfixEqualsOperator()),
            Map.entry("==", new InfixEqualsOperator()),
            Map.entry("!=", new InfixNotEqualsOperator()),
            Map.entry("<>", new InfixNotEqualsOperator()),
            Map.entry(">", new InfixGreaterOperator()),
            Map.entry(">=", new InfixGreaterEqualsOperator()),
            Map.entry("<", new InfixLessOperator()),
            Map.entry("<=", new InfixLessEqualsOperator()),
            Map.entry("&&", new InfixAndOperator()),
            Map.entry("||", new InfixOrOperator()),
            Map.entry("!", new PrefixNotOperator()));

    /** PI and E to every digit an expression may use (EvalEx's have 100 and 71), TRUE and FALSE; no text constants, no NULL. */
    private static final Map<String, EvaluationValue> CONSTANTS = constants();

    private BoundedExpressions() {
    }

    /** The configuration for one evaluation; {@code step} runs after every step of it, to stop it when it takes too long. */
    static ExpressionConfiguration configuration(int precision, Runnable step) {
        return ExpressionConfiguration.builder()
                .mathContext(new MathContext(precision, RoundingMode.HALF_EVEN))
                .functionDictionary(FUNCTIONS)
                .operatorDictionary(OPERATORS)
                .defaultConstants(CONSTANTS)
                .evaluationValueConverter(new BoundedValues(step))
                .arraysAllowed(false)
                .structuresAllowed(false)
                // the caller strips the zeros after rounding; EvalEx's would strip an unrounded ROUND(1, 200000) (24 s)
                .stripTrailingZeros(false)
                .build();
    }

    /** Refuses text and numbers written larger or more precise than an argument may be, before anything is evaluated. */
    static void requireBoundedLiterals(Expression expression) throws ParseException {
        for (ASTNode node : expression.getAllASTNodes()) {
            Token token = node.getToken();
            if (token.getType() == Token.TokenType.STRING_LITERAL) {
                throw new ToolCallException("Text (\"" + token.getValue() + "\" at position " + token.getStartPosition()
                        + ") has no use in an arithmetic expression");
            }
            if (token.getType() == Token.TokenType.NUMBER_LITERAL && !literalWithinBounds(token.getValue())) {
                throw new ToolCallException("The number " + abbreviated(token.getValue()) + " at position " + token.getStartPosition()
                        + " is too large or too precise: " + ArgumentBounds.LIMIT);
            }
        }
    }

    private static boolean literalWithinBounds(String literal) {
        try {
            BigDecimal value = literal.startsWith("0x") || literal.startsWith("0X")
                    ? new BigDecimal(new BigInteger(literal.substring(2), 16)) : new BigDecimal(literal);
            return ArgumentBounds.within(value);
        } catch (NumberFormatException e) {
            return false; // an exponent beyond int
        }
    }

    private static String abbreviated(String literal) {
        return literal.length() <= 40 ? literal : literal.substring(0, 20) + "…" + literal.substring(literal.length() - 10);
    }

    /** An operand's number; EvalEx passes NULL as null and text as 0 or 1, which the bounded functions refuse. */
    static BigDecimal number(Token token, EvaluationValue value) throws EvaluationException {
        if (!value.isNumberValue()) {
            throw new EvaluationException(token, "'" + token.getValue() + "' needs numbers");
        }
        return value.getNumberValue();
    }

    private static Map<String, EvaluationValue> constants() {
        MathContext digits = new MathContext(Decimals.MAX_PRECISION + ExpressionTools.GUARD_DIGITS, RoundingMode.HALF_EVEN);
        Map<String, EvaluationValue> constants = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        constants.put("TRUE", EvaluationValue.TRUE);
        constants.put("FALSE", EvaluationValue.FALSE);
        constants.put("PI", EvaluationValue.numberValue(BigDecimalMath.pi(digits)));
        constants.put("E", EvaluationValue.numberValue(ConstantsResources.e(digits)));
        return Collections.unmodifiableMap(constants);
    }

    /**
     * Every value a function or an operator computes passes here (EvalEx's {@code convertValue}): the step
     * check runs, numbers are refused beyond the bounds, so the next step never gets one larger; anything but
     * numbers, truth values and IF's lazy operands is refused.
     */
    private static final class BoundedValues implements EvaluationValueConverterIfc {

        private static final EvaluationValueConverterIfc DEFAULT = new DefaultEvaluationValueConverter();
        private static final EvaluationValue ZERO = EvaluationValue.numberValue(BigDecimal.ZERO);

        private final Runnable step;

        BoundedValues(Runnable step) {
            this.step = step;
        }

        @Override
        public EvaluationValue convertObject(Object object, ExpressionConfiguration configuration) {
            step.run();
            if (!(object instanceof Number || object instanceof Boolean || object instanceof ASTNode)) {
                throw new ToolCallException("An expression computes with numbers only; a step of it gave "
                        + (object == null ? "nothing (null)" : "a " + object.getClass().getSimpleName()));
            }
            if (object instanceof Double real && !Double.isFinite(real)) {
                throw new ToolCallException("A step of the expression has no finite real value (" + real + ")");
            }
            EvaluationValue value = DEFAULT.convertObject(object, configuration);
            if (value.isNumberValue()) {
                BigDecimal number = value.getNumberValue();
                if (number.signum() == 0) {
                    return ZERO; // 0 × 1e-10000 × ... would otherwise carry an ever larger scale
                }
                long magnitude = (long) number.precision() - number.scale() - 1;
                if (number.precision() > ArgumentBounds.MAX_DIGITS || Math.abs(magnitude) > MAX_MAGNITUDE) {
                    throw new ToolCallException("A step of the expression gives a number of " + number.precision()
                            + " digits and magnitude 10^" + magnitude + ", beyond what an expression may compute: at most "
                            + ArgumentBounds.MAX_DIGITS + " digits, from 10^-" + MAX_MAGNITUDE + " to 10^" + MAX_MAGNITUDE);
                }
            }
            return value;
        }
    }
}
