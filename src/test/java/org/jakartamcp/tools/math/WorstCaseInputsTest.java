package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The most expensive inputs each math tool accepts within its declared bounds (and the 1 MiB request limit),
 * each of which must be answered, or refused, well inside the time limit of a call: nothing here checks a
 * {@link org.jakartamcp.mcp.spi.Cancellation} except factorize, so these bounds are what keeps every call short.
 * Measured in CPU time of the calling thread; the slowest are printed at the end.
 */
class WorstCaseInputsTest {

    /** Far below the 60 s limit of a call, and slow enough for a shared CI machine. */
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Map<String, Long> MILLIS = Collections.synchronizedMap(new TreeMap<>());

    /** The largest arguments the argument converter lets through: 10000 digits, exponent ±10000. */
    private static final BigDecimal NINES = new BigDecimal("9".repeat(10_000));
    private static final BigDecimal LARGEST = NINES.scaleByPowerOfTen(10_000);
    private static final BigDecimal SMALLEST = new BigDecimal(BigInteger.ONE, 10_000);
    private static final BigDecimal ALMOST_ONE = new BigDecimal(NINES.unscaledValue(), 10_000);
    private static final BigDecimal ONE_WITH_ZEROS = new BigDecimal(BigInteger.TEN.pow(9_999), 9_999);
    private static final BigDecimal TEN_THOUSAND_DIGITS = new BigDecimal(new BigInteger(33_216, new Random(1)));

    private static final Cancellation NOT_CANCELLED = () -> false;

    private final ArithmeticTools arithmetic = new ArithmeticTools();
    private final ExpressionTools expressions = new ExpressionTools();
    private final IntegerTools integers = new IntegerTools();
    private final StatisticsTools statistics = new StatisticsTools();
    private final LinearAlgebraTools linearAlgebra = new LinearAlgebraTools();
    private final UnitConversionTools units = new UnitConversionTools();
    private final ConstantsResources constants = new ConstantsResources();

    @Test
    void evaluate() {
        for (String expression : List.of("ROUND(1, 20000)", "ROUND(1, 3000000)", "ROUND(" + "9".repeat(980) + "e10000, 20000)",
                "SQRT(1e-10000)", "SQRT(" + "9".repeat(990) + "e9000)", "2^0.5", "PI^E", "1.000000001^999999999",
                "(1/3)^-999999999", "EXP(46051)", "EXP(-46051)", "EXP(PI)", "FACT(5000)", "LOG(1e-10000)",
                "1e10000 % 3e-10000", "1e-10000 % 3", "FLOOR(1e10000 * 9e9999)", "CEILING(1e-10000)",
                "AVERAGE(" + String.join(",", Collections.nCopies(120, "1e10000,1e-10000")) + ")",
                "SUM(" + String.join(",", Collections.nCopies(120, "1e10000,1e-10000")) + ")",
                "(".repeat(490) + "1" + ")".repeat(490), "1e10000" + "*1e10000".repeat(120),
                "2^0.5" + "+2^0.5".repeat(160), "SQRT(2)" + "+SQRT(2)".repeat(110), "EXP(1.5)" + "+EXP(1.5)".repeat(100))) {
            timed("evaluate " + abbreviated(expression), ExpressionTools.EVALUATION_BUDGET.plus(LIMIT), () -> expressions.evaluate(expression, null, Decimals.MAX_PRECISION, NOT_CANCELLED));
        }
        fast("evaluate with variables", () -> expressions.evaluate("a * b + c",
                Map.of("a", LARGEST, "b", SMALLEST, "c", ALMOST_ONE), Decimals.MAX_PRECISION, NOT_CANCELLED));
    }

    @Test
    void arithmetic() {
        fast("add largest + smallest", () -> arithmetic.add(LARGEST, SMALLEST));
        fast("add trailing zeros", () -> arithmetic.add(ONE_WITH_ZEROS, new BigDecimal(BigInteger.ZERO, 10_000)));
        fast("subtract", () -> arithmetic.subtract(LARGEST, ALMOST_ONE));
        fast("multiply", () -> arithmetic.multiply(NINES, ALMOST_ONE));
        fast("divide non-terminating", () -> arithmetic.divide(NINES, TEN_THOUSAND_DIGITS, Decimals.MAX_PRECISION, null));
        fast("divide by a power of two", () -> arithmetic.divide(BigDecimal.ONE, new BigDecimal(BigInteger.TWO.pow(33_216)), null, null));
        fast("divide by a power of five", () -> arithmetic.divide(BigDecimal.ONE, new BigDecimal(BigInteger.valueOf(5).pow(14_306)), null, null));
        fast("divide trailing zeros", () -> arithmetic.divide(new BigDecimal(BigInteger.TEN.pow(9_999)), ONE_WITH_ZEROS, null, null));
        fast("divide largest by smallest", () -> arithmetic.divide(LARGEST, SMALLEST, Decimals.MAX_PRECISION, null));
        fast("power square", () -> arithmetic.power(ALMOST_ONE, BigDecimal.valueOf(2), null, null));
        fast("power -2", () -> arithmetic.power(ALMOST_ONE, BigDecimal.valueOf(-2), Decimals.MAX_PRECISION, null));
        fast("power 2^-10000", () -> arithmetic.power(BigDecimal.valueOf(2), BigDecimal.valueOf(-10_000), null, null));
        fast("power fractional of 10000 digits", () -> arithmetic.power(ALMOST_ONE, new BigDecimal("0.5"), Decimals.MAX_PRECISION, null));
        fast("power fractional huge", () -> arithmetic.power(SMALLEST, new BigDecimal("-9999.5"), Decimals.MAX_PRECISION, null));
        fast("power fractional largest", () -> arithmetic.power(LARGEST, new BigDecimal("9999.5"), Decimals.MAX_PRECISION, null));
        fast("root degree 1000", () -> arithmetic.root(LARGEST, 1000, Decimals.MAX_PRECISION, null));
        fast("root of 10000 digits", () -> arithmetic.root(ALMOST_ONE, 999, Decimals.MAX_PRECISION, null));
        fast("root of the smallest", () -> arithmetic.root(SMALLEST, 2, Decimals.MAX_PRECISION, null));
        fast("root exact check", () -> arithmetic.root(new BigDecimal("1.5").pow(1000), 1000, Decimals.MAX_PRECISION, null));
        fast("modulo largest by smallest", () -> arithmetic.modulo(LARGEST, SMALLEST));
        fast("modulo", () -> arithmetic.modulo(NINES, TEN_THOUSAND_DIGITS.scaleByPowerOfTen(-10_000)));
        fast("round", () -> arithmetic.round(LARGEST, 1000, RoundingMode.HALF_UP));
        fast("round smallest", () -> arithmetic.round(ALMOST_ONE, -1000, null));
    }

    @Test
    void integers() {
        fast("factorial 5000", () -> integers.factorial(IntegerTools.MAX_FACTORIAL));
        Random random = new Random(2);
        // 1000 numbers of 1000 digits fill the 1 MiB a request may have
        List<BigInteger> thousandDigits = IntStream.range(0, 1000).mapToObj(i -> new BigInteger(3_320, random)).toList();
        List<BigInteger> powersOfTen = IntStream.range(0, 1000)
                .mapToObj(i -> BigInteger.TEN.pow(990).multiply(BigInteger.valueOf(1_000_003L + 2L * i))).toList();
        fast("gcd of 1000 × 1000 digits", () -> integers.gcd(thousandDigits));
        fast("gcd of 1000 × 1e990 · k", () -> integers.gcd(powersOfTen));
        fast("lcm of 1000 × 1000 digits", () -> integers.lcm(thousandDigits));
        fast("lcm of 1000 × 1e990 · k", () -> integers.lcm(powersOfTen));
        fast("gcd of 1000 equal", () -> integers.gcd(Collections.nCopies(1000, BigInteger.TEN.pow(1000).subtract(BigInteger.ONE))));
        fast("lcm of 1000 equal", () -> integers.lcm(Collections.nCopies(1000, BigInteger.TEN.pow(1000).subtract(BigInteger.ONE))));
        fast("lcm of small primes", () -> integers.lcm(IntStream.range(0, 1000)
                .mapToObj(i -> BigInteger.valueOf(1_000_003L + 2L * i).nextProbablePrime()).toList()));
        // 2^3217 - 1 is a Mersenne prime of 969 digits: every round of the test runs
        fast("is_prime", () -> integers.isPrime(BigInteger.TWO.pow(3_217).subtract(BigInteger.ONE)));
        fast("is_prime of 1000 digits", () -> integers.isPrime(BigInteger.TEN.pow(999).add(BigInteger.valueOf(7))));
        // two primes of 50 digits: beyond what Pollard's rho finds in its budget
        BigInteger hard = BigInteger.probablePrime(166, random).multiply(BigInteger.probablePrime(166, random));
        timed("factorize", IntegerTools.FACTORIZATION_BUDGET.plus(LIMIT), () -> integers.factorize(hard, () -> false));
    }

    @Test
    void statistics() {
        // 100000 short numbers, about 800 KB of JSON; the exact sum spans 10300 digits
        List<BigDecimal> wide = IntStream.range(0, StatisticsTools.MAX_VALUES)
                .mapToObj(i -> i % 2 == 0 ? new BigDecimal("1e308") : new BigDecimal("1e-9999")).toList();
        List<BigDecimal> many = new Random(3).doubles(StatisticsTools.MAX_VALUES).mapToObj(BigDecimal::valueOf).toList();
        List<BigDecimal> long100 = IntStream.range(0, 100).mapToObj(i -> ALMOST_ONE.add(BigDecimal.valueOf(i))).toList();
        fast("statistics wide", () -> statistics.statistics(wide));
        fast("statistics random", () -> statistics.statistics(many));
        fast("statistics of 10000-digit numbers", () -> statistics.statistics(long100));
        fast("percentile", () -> statistics.percentile(many, 37.5));
        List<BigDecimal> half = many.subList(0, StatisticsTools.MAX_VALUES / 2);
        List<BigDecimal> otherHalf = many.subList(StatisticsTools.MAX_VALUES / 2, StatisticsTools.MAX_VALUES);
        fast("correlation", () -> statistics.correlation(half, otherHalf));
        fast("linear regression", () -> statistics.linearRegression(half, otherHalf));
    }

    @Test
    void linearAlgebra() {
        Random random = new Random(4);
        // entries of 20 digits with 20 decimals, the most the tools take
        List<List<BigDecimal>> matrix = IntStream.range(0, LinearAlgebraTools.MAX_SIZE).mapToObj(i -> IntStream.range(0, LinearAlgebraTools.MAX_SIZE)
                .mapToObj(j -> new BigDecimal(new BigInteger(66, random).mod(BigInteger.TEN.pow(LinearAlgebraTools.MAX_ENTRY_DIGITS)),
                        LinearAlgebraTools.MAX_ENTRY_DIGITS)).toList()).toList();
        List<BigDecimal> vector = matrix.get(0);
        fast("determinant 20 × 20", () -> linearAlgebra.determinant(matrix));
        fast("inverse 20 × 20", () -> linearAlgebra.inverse(matrix));
        fast("solve 20 × 20", () -> linearAlgebra.solve(matrix, vector));
        fast("matrix product 20 × 20", () -> linearAlgebra.matrixMultiply(matrix, matrix));
    }

    @Test
    void unitsAndConstants() {
        fast("convert largest", () -> units.convertUnits(LARGEST, "Ym^99·Ym^99·Ym^99", "ym^99·ym^99·ym^99"));
        fast("convert smallest", () -> units.convertUnits(SMALLEST, "°F", "°C"));
        fast("convert 10000 digits", () -> units.convertUnits(ALMOST_ONE, "mi^99/h^99", "km^99/s^99"));
        for (String name : ConstantsResources.CONSTANTS.keySet()) {
            fast("constant " + name + " to 10000 digits", () -> constants.constant(name, String.valueOf(ConstantsResources.MAX_DIGITS)));
        }
    }

    private static void fast(String name, Runnable call) {
        timed(name, LIMIT, call);
    }

    /**
     * Runs the call (a refusal counts as an answer) and fails when it took more CPU time than the limit: CPU
     * time of this thread, so that other processes on a busy machine do not make it fail.
     */
    private static void timed(String name, Duration limit, Runnable call) {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            call.run();
        } catch (ToolCallException | ArithmeticException refused) {
            // refused with a tool error: also an answer
        }
        long millis = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - start).toMillis();
        MILLIS.put(name, millis);
        assertTrue(millis <= limit.toMillis(), name + " took " + millis + " ms, more than " + limit.toMillis() + " ms");
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 30) + "…(" + text.length() + " chars)";
    }

    @AfterAll
    static void slowest() {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(MILLIS.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        System.out.println("Slowest worst-case inputs (ms): " + sorted.subList(0, Math.min(8, sorted.size())));
    }
}
