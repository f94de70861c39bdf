package org.jakartamcp.tools.math;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;

/** Exact arithmetic on decimal numbers of any size: 0.1 + 0.2 is 0.3 here. */
@ApplicationScoped
public class ArithmeticTools {

    @Tool(title = "Add", description = "Adds two numbers exactly, in decimal arithmetic (0.1 + 0.2 = 0.3, "
            + "with no binary rounding). Use it for any sum you would otherwise work out yourself.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public BigDecimal add(@ToolArg(description = "The first number, e.g. 0.1 or -12345678901234567890.5") BigDecimal a,
                          @ToolArg(description = "The second number") BigDecimal b) {
        return a.add(b);
    }
}
