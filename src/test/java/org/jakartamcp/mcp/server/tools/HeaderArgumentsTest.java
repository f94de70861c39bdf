package org.jakartamcp.mcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.List;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;
import org.jakartamcp.testing.PlainBeans;
import org.junit.jupiter.api.Test;

/** {@code @ToolArg(header = ...)}: the argument is marked x-mcp-header, and tools/call names the header it must be repeated in. */
class HeaderArgumentsTest {

    public static class RoutedTools {
        @Tool(name = "query", description = "Runs a query in a region")
        public String query(@ToolArg(header = "Region") String region, @ToolArg(name = "sql") String sql) {
            return region + ": " + sql;
        }

        @Tool(name = "bad", description = "Marks a number")
        public String bad(@ToolArg(header = "Amount") double amount) {
            return "no";
        }
    }

    @Test
    void theGeneratedSchemaMarksTheArgument() throws NoSuchMethodException {
        ToolDefinition tool = read("query", String.class, String.class);
        JsonObject region = tool.descriptor().getJsonObject("inputSchema").getJsonObject("properties").getJsonObject("region");
        assertEquals("Region", region.getString("x-mcp-header"));
        assertEquals(List.of(new ToolHeaderParams.Param(List.of("region"), "Region")),
                ToolHeaderParams.of("query", tool.descriptor().getJsonObject("inputSchema")));
    }

    @Test
    void aMarkOnANumberFailsTheDeployment() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("bad", double.class));
        assertTrue(e.getMessage().contains("string, integer or boolean"), e.getMessage());
    }

    @Test
    void toolsCallNamesTheHeadersOfTheCalledTool() {
        ToolsHandler handler = PlainTools.handler(null, null, null, null, null, 1, RoutedToolsWithoutBad.class);
        JsonObject params = Json.createObjectBuilder().add("name", "query")
                .add("arguments", Json.createObjectBuilder().add("region", "us-west1").add("sql", "select 1")).build();
        assertEquals(List.of(new McpMethod.ParamHeader("Region", Json.createValue("us-west1"))), handler.paramHeaders("tools/call", params));
        assertEquals(List.of(new McpMethod.ParamHeader("Region", null)), handler.paramHeaders("tools/call",
                Json.createObjectBuilder().add("name", "query").build()));
        assertTrue(handler.paramHeaders("tools/call", Json.createObjectBuilder().add("name", "nope").build()).isEmpty());
        assertTrue(handler.paramHeaders("tools/list", params).isEmpty());
    }

    public static class RoutedToolsWithoutBad {
        @Tool(name = "query", description = "Runs a query in a region")
        public String query(@ToolArg(header = "Region") String region, @ToolArg(name = "sql") String sql) {
            return region + ": " + sql;
        }
    }

    private static ToolDefinition read(String name, Class<?>... parameters) throws NoSuchMethodException {
        Method method = RoutedTools.class.getMethod(name, parameters);
        return ToolDefinitions.read(PlainBeans.bean(RoutedTools.class), method);
    }
}
