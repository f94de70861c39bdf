package org.jakartamcp.mcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.List;
import org.jakartamcp.mcp.server.schema.JsonSchemas;
import org.jakartamcp.testing.PlainBeans;
import org.jakartamcp.tools.math.ArithmeticTools;
import org.junit.jupiter.api.Test;

class ToolDefinitionsTest {

    @Test
    void aDecimalArgumentTakesNumbersAndDecimalStringsAndSaysSo() throws Exception {
        JsonObject schema = ToolDefinitions.read(PlainBeans.bean(ArithmeticTools.class),
                ArithmeticTools.class.getMethod("add", BigDecimal.class, BigDecimal.class)).descriptor().getJsonObject("inputSchema");
        JsonObject a = schema.getJsonObject("properties").getJsonObject("a");
        assertEquals(List.of("number", "string"), a.getJsonArray("type").getValuesAs(JsonString::getString));
        assertEquals(JsonSchemas.DECIMAL_STRING, a.getString("pattern"));
        assertTrue(a.getString("description").endsWith(ToolDefinitions.NUMBER_STRINGS), a.getString("description"));
        assertTrue(schema.getJsonObject("properties").getJsonObject("b").getString("description").endsWith(ToolDefinitions.NUMBER_STRINGS));
    }

    @Test
    void otherArgumentsAreAsBefore() throws Exception {
        JsonObject divide = ToolDefinitions.read(PlainBeans.bean(ArithmeticTools.class), ArithmeticTools.class.getMethod("divide",
                BigDecimal.class, BigDecimal.class, Integer.class, java.math.RoundingMode.class)).descriptor().getJsonObject("inputSchema");
        JsonObject precision = divide.getJsonObject("properties").getJsonObject("precision");
        assertEquals("integer", precision.getString("type"));
        assertTrue(!precision.getString("description").contains(ToolDefinitions.NUMBER_STRINGS));
    }
}
