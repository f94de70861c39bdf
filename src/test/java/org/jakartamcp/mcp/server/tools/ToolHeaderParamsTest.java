package org.jakartamcp.mcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading x-mcp-header marks from a tool's input schema, with the rules SEP-2243 sets for them. */
class ToolHeaderParamsTest {

    @Test
    void marksOnPropertiesAtAnyDepthAreFound() {
        List<ToolHeaderParams.Param> params = ToolHeaderParams.of("t", json("""
                {"type":"object","properties":{
                  "region":{"type":"string","x-mcp-header":"Region"},
                  "query":{"type":"string"},
                  "target":{"type":"object","properties":{"tenant":{"type":"integer","x-mcp-header":"Tenant"}}}}}"""));
        assertEquals(List.of(new ToolHeaderParams.Param(List.of("region"), "Region"),
                new ToolHeaderParams.Param(List.of("target", "tenant"), "Tenant")), params);
        JsonObject arguments = json("{\"region\":\"us-west1\",\"target\":{\"tenant\":42}}");
        assertEquals(Json.createValue("us-west1"), params.get(0).valueIn(arguments));
        assertEquals(Json.createValue(42), params.get(1).valueIn(arguments));
        assertNull(params.get(1).valueIn(json("{\"target\":{\"tenant\":null}}")), "null is no value");
        assertNull(params.get(1).valueIn(json("{\"target\":7}")));
        assertNull(params.get(0).valueIn(null));
    }

    @Test
    void aSchemaWithoutMarksHasNone() {
        assertTrue(ToolHeaderParams.of("t", json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"}}}")).isEmpty());
    }

    @Test
    void invalidMarksAreRefusedWithTheRule() {
        refused("{\"properties\":{\"a\":{\"type\":\"string\",\"x-mcp-header\":\"\"}}}", "token");
        refused("{\"properties\":{\"a\":{\"type\":\"string\",\"x-mcp-header\":\"Bad Name\"}}}", "token");
        refused("{\"properties\":{\"a\":{\"type\":\"number\",\"x-mcp-header\":\"A\"}}}", "string, integer or boolean");
        refused("{\"properties\":{\"a\":{\"type\":\"string\",\"x-mcp-header\":\"A\"},\"b\":{\"type\":\"string\",\"x-mcp-header\":\"a\"}}}",
                "twice");
        refused("{\"properties\":{\"a\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"x-mcp-header\":\"A\"}}}}", "items");
        refused("{\"anyOf\":[{\"properties\":{\"a\":{\"type\":\"string\",\"x-mcp-header\":\"A\"}}}]}", "anyOf");
    }

    private static void refused(String schema, String rule) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolHeaderParams.of("t", json(schema)));
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
