package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

/** Expected values worked out by hand (or with Python's statistics module for the less obvious ones). */
class StatisticsToolsTest {

    private static final double TOLERANCE = 1e-12;
    private final StatisticsTools tools = new StatisticsTools();

    @Test
    void aDataSetIsSummarised() {
        StatisticsTools.Summary summary = tools.statistics(numbers("2", "4", "4", "4", "5", "5", "7", "9"));
        assertEquals(8, summary.count());
        assertEquals("40", summary.sum());
        assertEquals(5.0, summary.mean(), TOLERANCE);
        assertEquals(4.5, summary.median(), TOLERANCE);
        assertEquals(List.of(4.0), summary.modes());
        assertEquals("2", summary.min());
        assertEquals("9", summary.max());
        assertEquals(4.0, summary.populationVariance(), TOLERANCE);
        assertEquals(2.0, summary.populationStandardDeviation(), TOLERANCE);
        assertEquals(32.0 / 7, summary.sampleVariance(), TOLERANCE);
    }

    @Test
    void oneValueHasNoSampleVariance() {
        StatisticsTools.Summary summary = tools.statistics(numbers("0.1"));
        assertNull(summary.sampleVariance());
        assertEquals(0.0, summary.populationVariance(), TOLERANCE);
    }

    @Test
    void sumsStayExact() {
        assertEquals("0.3", tools.statistics(numbers("0.1", "0.2")).sum(), "0.1 + 0.2 is 0.30000000000000004 in doubles");
    }

    @Test
    void percentilesInterpolateLikeSpreadsheets() {
        List<BigDecimal> data = numbers("1", "2", "3", "4");
        assertEquals(2.5, tools.percentile(data, 50).value(), TOLERANCE);
        assertEquals(1.75, tools.percentile(data, 25).value(), TOLERANCE);
        assertEquals(1.0, tools.percentile(data, 0).value(), TOLERANCE);
        assertEquals(4.0, tools.percentile(data, 100).value(), TOLERANCE);
    }

    @Test
    void correlationAndRegression() {
        List<BigDecimal> x = numbers("1", "2", "3", "4", "5");
        List<BigDecimal> y = numbers("2", "4", "6", "8", "10");
        assertEquals(1.0, tools.correlation(x, y).value(), TOLERANCE);
        assertEquals(-1.0, tools.correlation(x, numbers("5", "4", "3", "2", "1")).value(), TOLERANCE);
        StatisticsTools.Regression line = tools.linearRegression(x, numbers("3", "5", "7", "9", "11"));
        assertEquals(2.0, line.slope(), TOLERANCE);
        assertEquals(1.0, line.intercept(), TOLERANCE);
        assertEquals(1.0, line.rSquared(), TOLERANCE);
        assertEquals("y = 2.0 · x + 1.0 (R² = 1.0, n = 5)", line.text());
    }

    @Test
    void badInputIsAToolError() {
        assertEquals("Arguments 'x' and 'y' must be equally long, not 2 and 3",
                assertThrows(ToolCallException.class, () -> tools.correlation(numbers("1", "2"), numbers("1", "2", "3"))).getMessage());
        assertEquals("The correlation is undefined: one of the lists does not vary",
                assertThrows(ToolCallException.class, () -> tools.correlation(numbers("1", "1"), numbers("1", "2"))).getMessage());
        assertEquals("The regression is undefined: all x values are equal",
                assertThrows(ToolCallException.class, () -> tools.linearRegression(numbers("1", "1"), numbers("1", "2"))).getMessage());
        assertEquals("Argument 'values' has a value beyond double range at position 1",
                assertThrows(ToolCallException.class, () -> tools.statistics(numbers("1", "1e400"))).getMessage());
    }

    static List<BigDecimal> numbers(String... values) {
        return Stream.of(values).map(BigDecimal::new).toList();
    }
}
