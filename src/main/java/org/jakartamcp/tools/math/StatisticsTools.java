package org.jakartamcp.tools.math;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.stat.StatUtils;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.descriptive.DescriptiveStatistics;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.regression.SimpleRegression;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * Statistics on lists of numbers with Hipparchus, in double precision (about 15 significant
 * digits); sums, minimum and maximum stay exact.
 */
@ApplicationScoped
public class StatisticsTools {

    static final int MAX_VALUES = 100_000;
    private static final String VALUES = "The data, 1 to 100000 numbers";

    /** A data set's summary. */
    public record Summary(long count, @NotNull String sum, @NotNull String min, @NotNull String max, double mean, double median,
                          @NotNull List<Double> modes,
                          Double sampleVariance, double populationVariance, Double sampleStandardDeviation,
                          double populationStandardDeviation) implements org.jakartamcp.mcp.spi.ReadableResult {
        @Override
        public String text() {
            return "n = " + count + ", sum = " + sum + ", mean = " + mean + ", median = " + median + ", mode = " + modes
                    + ", min = " + min + ", max = " + max + ", sample variance = " + sampleVariance
                    + ", population variance = " + populationVariance + ", sample standard deviation = " + sampleStandardDeviation
                    + ", population standard deviation = " + populationStandardDeviation;
        }
    }

    /** One statistic of a data set. */
    public record Statistic(double value) implements org.jakartamcp.mcp.spi.ReadableResult {
        @Override
        public String text() {
            return Double.toString(value);
        }
    }

    /** A least-squares line y = slope · x + intercept. */
    public record Regression(double slope, double intercept, double rSquared, double slopeStandardError, long n)
            implements org.jakartamcp.mcp.spi.ReadableResult {
        @Override
        public String text() {
            return "y = " + slope + " · x + " + intercept + " (R² = " + rSquared + ", n = " + n + ")";
        }
    }

    @Tool(machineCallers = true, title = "Describe a data set", description = "Count, sum, mean, median, mode(s), minimum, maximum, and sample and "
            + "population variance and standard deviation of a list of numbers.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Summary statistics(@ToolArg(description = VALUES) @NotNull @Size(min = 1, max = MAX_VALUES) List<BigDecimal> values) {
        double[] data = doubles(values, "values");
        DescriptiveStatistics stats = new DescriptiveStatistics(data);
        boolean sample = data.length > 1;
        return new Summary(data.length, Decimals.plain(exactSum(values)),
                Decimals.plain(values.stream().min(BigDecimal::compareTo).orElseThrow()),
                Decimals.plain(values.stream().max(BigDecimal::compareTo).orElseThrow()),
                stats.getMean(), stats.getPercentile(50), Arrays.stream(StatUtils.mode(data)).boxed().toList(),
                sample ? stats.getVariance() : null, stats.getPopulationVariance(),
                sample ? stats.getStandardDeviation() : null, Math.sqrt(stats.getPopulationVariance()));
    }

    @Tool(machineCallers = true, title = "Percentile", description = "The p-th percentile of a list of numbers, interpolated between data points "
            + "as spreadsheets and NumPy do (method R-7): percentile 50 is the median.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Statistic percentile(@ToolArg(description = VALUES) @NotNull @Size(min = 1, max = MAX_VALUES) List<BigDecimal> values,
                             @ToolArg(description = "p, from 0 to 100") @DecimalMin("0") @DecimalMax("100") double p) {
        double[] data = doubles(values, "values");
        if (p == 0) {
            return new Statistic(StatUtils.min(data));
        }
        return new Statistic(new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(data, p));
    }

    @Tool(machineCallers = true, title = "Correlation", description = "Pearson's correlation coefficient of two equally long lists of numbers "
            + "(from -1 to 1).", annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Statistic correlation(@ToolArg(description = "The x values, 2 to 100000") @NotNull @Size(min = 2, max = MAX_VALUES) List<BigDecimal> x,
                              @ToolArg(description = "The y values, as many as x") @NotNull @Size(min = 2, max = MAX_VALUES) List<BigDecimal> y) {
        requireSameLength(x, y);
        double r = new PearsonsCorrelation().correlation(doubles(x, "x"), doubles(y, "y"));
        if (Double.isNaN(r)) {
            throw new ToolCallException("The correlation is undefined: one of the lists does not vary");
        }
        return new Statistic(r);
    }

    @Tool(machineCallers = true, name = "linear_regression", title = "Linear regression", description = "The least-squares line through points "
            + "(x, y): slope, intercept, R² and the slope's standard error.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Regression linearRegression(@ToolArg(description = "The x values, 2 to 100000") @NotNull @Size(min = 2, max = MAX_VALUES) List<BigDecimal> x,
                                       @ToolArg(description = "The y values, as many as x") @NotNull @Size(min = 2, max = MAX_VALUES) List<BigDecimal> y) {
        requireSameLength(x, y);
        double[] xs = doubles(x, "x");
        double[] ys = doubles(y, "y");
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < xs.length; i++) {
            regression.addData(xs[i], ys[i]);
        }
        if (Double.isNaN(regression.getSlope())) {
            throw new ToolCallException("The regression is undefined: all x values are equal");
        }
        return new Regression(regression.getSlope(), regression.getIntercept(), regression.getRSquare(),
                regression.getSlopeStdErr(), regression.getN());
    }

    /**
     * The exact sum, added up by scale: numbers of one scale add without aligning, and the wide partial sum
     * is aligned once per scale, not once per number (50,000 × 1e308 and 50,000 × 1e-9999 took 15 s one by one).
     */
    static BigDecimal exactSum(List<BigDecimal> values) {
        Map<Integer, BigDecimal> byScale = new TreeMap<>();
        for (BigDecimal value : values) {
            byScale.merge(value.scale(), value, BigDecimal::add);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal partial : byScale.values()) {
            sum = sum.add(partial);
        }
        return sum;
    }

    private static void requireSameLength(List<BigDecimal> x, List<BigDecimal> y) {
        if (x.size() != y.size()) {
            throw new ToolCallException("Arguments 'x' and 'y' must be equally long, not " + x.size() + " and " + y.size());
        }
    }

    private static double[] doubles(List<BigDecimal> values, String name) {
        double[] data = new double[values.size()];
        for (int i = 0; i < data.length; i++) {
            BigDecimal value = values.get(i);
            if (value == null) {
                throw new ToolCallException("Argument '" + name + "' has a null at position " + i);
            }
            data[i] = value.doubleValue();
            if (Double.isInfinite(data[i])) {
                throw new ToolCallException("Argument '" + name + "' has a value beyond double range at position " + i);
            }
        }
        return data;
    }
}
