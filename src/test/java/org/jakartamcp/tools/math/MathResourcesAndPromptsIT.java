package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The product's resource template, prompts and completions over Streamable HTTP. */
class MathResourcesAndPromptsIT {

    private static McpHttp mcp;
    private static String session;

    @BeforeAll
    static void session() {
        mcp = new McpHttp(TestServer.awaitReady() + "/mcp");
        session = mcp.initialize("2025-11-25");
    }

    @Test
    void constantsAreReadThroughTheTemplate() {
        JsonObject templates = result("resources/templates/list", "{}");
        assertEquals("constants://{name}/{digits}", templates.getJsonArray("resourceTemplates").getJsonObject(0).getString("uriTemplate"));
        JsonObject pi = result("resources/read", "{\"uri\":\"constants://pi/30\"}").getJsonArray("contents").getJsonObject(0);
        assertEquals("3.14159265358979323846264338328", pi.getString("text"));
        assertEquals("constants://pi/30", pi.getString("uri"));
        JsonObject unknown = mcp.result(session, request("resources/read", "{\"uri\":\"constants://tau/30\"}"));
        assertEquals(-32602, unknown.getJsonObject("error").getInt("code"));
        JsonObject notFound = mcp.result(session, request("resources/read", "{\"uri\":\"nothing://here\"}"));
        assertEquals(-32002, notFound.getJsonObject("error").getInt("code"));
    }

    /** SEP-2164: from 2026-07-28 a missing resource is Invalid Params (-32002 was MCP's code before). */
    @Test
    void aMissingResourceIsInvalidParamsIn2026_07_28() {
        HttpResponse<String> missing = mcp.stateless("resources/read", "nothing://here", Json.createObjectBuilder().add("uri", "nothing://here").build());
        JsonObject error = Http.json(missing).getJsonObject("error");
        assertEquals(-32602, error.getInt("code"), missing.body());
        assertEquals("nothing://here", error.getJsonObject("data").getString("uri"), missing.body());

        HttpResponse<String> pi = mcp.stateless("resources/read", "constants://pi/3", Json.createObjectBuilder().add("uri", "constants://pi/3").build());
        assertEquals("3.14", Http.json(pi).getJsonObject("result").getJsonArray("contents").getJsonObject(0).getString("text"), pi.body());
    }

    @Test
    void unitConversionWorksInsideTheServerAndListsItsSymbols() {
        // Indriya finds its services through ServiceLoader: this shows it does under the WAR's class loader
        JsonObject converted = result("tools/call", "{\"name\":\"convert_units\",\"arguments\":{\"value\":98.6,\"from\":\"°F\",\"to\":\"°C\"}}");
        assertEquals("37", converted.getJsonObject("structuredContent").getString("result"));
        assertEquals("98.6 °F = 37 °C", converted.getJsonArray("content").getJsonObject(0).getString("text"));
        JsonObject symbols = result("resources/read", "{\"uri\":\"units://symbols\"}").getJsonArray("contents").getJsonObject(0);
        assertTrue(symbols.getString("text").contains("mph: mile per hour, speed"), symbols.getString("text"));
    }

    @Test
    void templateVariablesAndPromptArgumentsComplete() {
        // ref/resource names the template by its URI template, as the specification (and the official SDKs) do
        JsonObject names = result("completion/complete", "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"constants://{name}/{digits}\"},"
                + "\"argument\":{\"name\":\"name\",\"value\":\"p\"}}").getJsonObject("completion");
        assertEquals(List.of("phi", "pi"), names.getJsonArray("values").getValuesAs(JsonString::getString));
        assertEquals(2, names.getInt("total"));
        assertEquals(false, names.getBoolean("hasMore"));
        JsonObject byName = result("completion/complete", "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"constant\"},"
                + "\"argument\":{\"name\":\"name\",\"value\":\"p\"}}").getJsonObject("completion");
        assertEquals(List.of(), byName.getJsonArray("values").getValuesAs(JsonString::getString));
        JsonObject audiences = result("completion/complete", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"step_by_step\"},"
                + "\"argument\":{\"name\":\"audience\",\"value\":\"e\"}}").getJsonObject("completion");
        assertEquals(List.of("engineer"), audiences.getJsonArray("values").getValuesAs(JsonString::getString));
    }

    @Test
    void promptsPutTheToolsToWork() {
        JsonObject prompt = result("prompts/get", "{\"name\":\"step_by_step\",\"arguments\":{\"problem\":\"12% of 250\",\"audience\":\"engineer\"}}");
        String text = prompt.getJsonArray("messages").getJsonObject(0).getJsonObject("content").getString("text");
        assertTrue(text.startsWith("Solve this problem step by step for an engineer."), text);
        assertTrue(text.endsWith("Problem: 12% of 250"), text);
        JsonObject missing = mcp.result(session, request("prompts/get", "{\"name\":\"statistics_report\",\"arguments\":{}}"));
        assertEquals(-32602, missing.getJsonObject("error").getInt("code"));
    }

    private static JsonObject result(String method, String params) {
        JsonObject response = mcp.result(session, request(method, params));
        assertTrue(response.containsKey("result"), response.toString());
        return response.getJsonObject("result");
    }

    private static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }
}
