package org.jakartamcp.mcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jakartamcp.mcp.server.schema.JsonSchemas;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.testing.PlainBeans;
import org.jakartamcp.tools.math.ArithmeticTools;
import org.junit.jupiter.api.Test;

class ToolDefinitionsTest {

    /** The conformance suite's JSON_SCHEMA_2020_12_FIXTURE (SEP-1613, SEP-2106), key order shuffled as a writer may. */
    static final String SCHEMA_2020_12 = """
            {"type":"object","$schema":"https://json-schema.org/draft/2020-12/schema",
             "$defs":{"address":{"$anchor":"addressDef","type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
             "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
               "contactMethod":{"type":"string","enum":["phone","email"]},"phone":{"type":"string"},"email":{"type":"string"}},
             "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
             "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
             "then":{"required":["phone"]},"else":{"required":["email"]},
             "unknownKeyword":{"x-vendor":[1,2.50,"three"]},
             "additionalProperties":false}""";

    public static class Tools {
        @Tool(name = "schema_2020_12", description = "takes a schema of its own", inputSchema = SCHEMA_2020_12)
        public String explicit(Optional<String> name, Optional<String> contactMethod, Optional<String> phone, Optional<String> email) {
            return "";
        }

        @Tool(name = "not_an_object", description = "a schema that is not JSON", inputSchema = "{\"type\":")
        public String broken() {
            return "";
        }
    }

    @Test
    void anExplicitInputSchemaReachesEveryEraUnchanged() throws NoSuchMethodException {
        ToolDefinition tool = ToolDefinitions.read(PlainBeans.bean(Tools.class),
                Tools.class.getMethod("explicit", Optional.class, Optional.class, Optional.class, Optional.class));

        JsonObject expected = Json.createReader(new StringReader(SCHEMA_2020_12)).readObject();
        assertEquals(expected, tool.descriptor().getJsonObject("inputSchema"));
        assertEquals(expected, tool.descriptorWithoutStructuredOutput().getJsonObject("inputSchema"));
        // the keywords the server does not evaluate are tolerated; calls are still checked against the arguments' names
        assertEquals(List.of("name", "contactMethod", "phone", "email"), tool.argumentNames());
    }

    @Test
    void anInputSchemaThatIsNotJsonIsRefusedAtDeployment() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ToolDefinitions.read(PlainBeans.bean(Tools.class), Tools.class.getMethod("broken")));
        assertTrue(refused.getMessage().startsWith("the inputSchema of tool 'not_an_object' is not a JSON object"), refused.getMessage());
    }


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
