package org.jakartamcp.tools.math;

import static org.jakartamcp.tools.math.StatisticsToolsTest.numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

class LinearAlgebraToolsTest {

    private final LinearAlgebraTools tools = new LinearAlgebraTools();

    @Test
    void determinantsAreExact() {
        assertEquals(new ExactNumber("-2", "-2", true), tools.determinant(List.of(numbers("1", "2"), numbers("3", "4"))));
        assertEquals("0", tools.determinant(List.of(numbers("1", "2", "3"), numbers("4", "5", "6"), numbers("7", "8", "9"))).fraction(),
                "exactly singular, where floating point LU gives about 6.7e-16");
        assertEquals("0.01", tools.determinant(List.of(numbers("0.1", "0"), numbers("0", "0.1"))).decimal());
    }

    @Test
    void inversesAreExactFractions() {
        LinearAlgebraTools.Matrix inverse = tools.inverse(List.of(numbers("4", "7"), numbers("2", "6")));
        assertEquals("[[3/5, -7/10], [-1/5, 2/5]]", inverse.text());
        LinearAlgebraTools.Matrix third = tools.inverse(List.of(numbers("3")));
        assertEquals(new ExactNumber("1/3", "0.3333333333333333333333333333333333", false), third.rows().get(0).get(0));
    }

    @Test
    void systemsAreSolvedExactly() {
        LinearAlgebraTools.Vector x = tools.solve(List.of(numbers("2", "1"), numbers("1", "3")), numbers("3", "5"));
        assertEquals("[4/5, 7/5]", x.text());
        assertEquals("0.8", x.values().get(0).decimal());
    }

    @Test
    void matrixProducts() {
        assertEquals("[[19, 22], [43, 50]]", tools.matrixMultiply(List.of(numbers("1", "2"), numbers("3", "4")),
                List.of(numbers("5", "6"), numbers("7", "8"))).text());
        assertEquals("[[0.03]]".replace("0.03", "3/100"), tools.matrixMultiply(List.of(numbers("0.1")), List.of(numbers("0.3"))).text());
    }

    @Test
    void shapesAndSingularityAreToolErrors() {
        assertTrue(assertThrows(ToolCallException.class, () -> tools.inverse(List.of(numbers("1", "2"), numbers("2", "4"))))
                .getMessage().startsWith("The matrix is singular"));
        assertEquals("Argument 'matrix' must be square, not 1 × 2",
                assertThrows(ToolCallException.class, () -> tools.determinant(List.of(numbers("1", "2")))).getMessage());
        assertEquals("Argument 'a': row 1 has 1 numbers, row 0 has 2",
                assertThrows(ToolCallException.class, () -> tools.solve(List.of(numbers("1", "2"), numbers("1")), numbers("1", "2"))).getMessage());
        assertEquals("A has 2 columns but B has 1 rows; they must be equal",
                assertThrows(ToolCallException.class, () -> tools.matrixMultiply(List.of(numbers("1", "2")), List.of(numbers("1")))).getMessage());
        assertTrue(assertThrows(ToolCallException.class, () -> tools.determinant(List.of(List.of(new BigDecimal("1e21")))))
                .getMessage().contains("at most 20 digits with an exponent of at most 20 in magnitude"));
        assertTrue(assertThrows(ToolCallException.class, () -> tools.determinant(List.of(List.of(new BigDecimal("1.0000000000000000000001")))))
                .getMessage().contains("at most 20 digits"));
        assertEquals("100000000000000000000", tools.determinant(List.of(List.of(new BigDecimal("1e20")))).decimal(), "a normal matrix right after");
    }
}
