package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

class ExpressionToolsTest {

    private final ExpressionTools tools = new ExpressionTools();

    @Test
    void theExampleFromTheIssueToFiftyDigits() {
        // Python's decimal module at 60 digits gives 6148914691236517205.8047378541243650162672295747365660261899
        assertEquals("6148914691236517205.8047378541243650162672295747366",
                tools.evaluate("(2^64 + SQRT(2)) / 3", null, 50).result());
    }

    @Test
    void decimalArithmeticAndVariables() {
        assertEquals("0.3", tools.evaluate("0.1 + 0.2", null, null).result());
        // 2.25 π = 7.068583470577034786540947612378881489444 (Python, 40 digits)
        assertEquals("7.0685834705770347865409476123789", tools.evaluate("r^2 * PI", Map.of("r", new BigDecimal("1.5")), 32).result());
        assertEquals("120", tools.evaluate("FACT(5)", null, null).result());
    }

    @Test
    void errorsSayWhereAndWhy() {
        ToolCallException unknown = assertThrows(ToolCallException.class, () -> tools.evaluate("2 * y", null, null));
        assertTrue(unknown.getMessage().startsWith("Cannot evaluate the expression at position"), unknown.getMessage());
        assertTrue(assertThrows(ToolCallException.class, () -> tools.evaluate("(1 + 2", null, null)).getMessage()
                .startsWith("Cannot evaluate"));
    }

    @Test
    void expensiveFunctionsAreBounded() {
        ToolCallException fact = assertThrows(ToolCallException.class, () -> tools.evaluate("FACT(1000000000)", null, null));
        assertTrue(fact.getMessage().contains("FACT needs an integer from 0 to 5000"), fact.getMessage());
        assertTrue(assertThrows(ToolCallException.class, () -> tools.evaluate("x + 1", Map.of("x", new BigDecimal("1e99999")), null))
                .getMessage().contains("too large"));
    }
}
