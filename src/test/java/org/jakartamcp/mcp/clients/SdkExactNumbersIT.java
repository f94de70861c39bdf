package org.jakartamcp.mcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Exact numbers through the official TypeScript SDK ({@code sdk-call-tools.mjs}), whose JSON numbers are binary
 * doubles: a long number sent as a decimal string keeps every digit and is added exactly; sent as a JSON number it
 * arrives rounded, and the result does not claim to be exact.
 */
class SdkExactNumbersIT {

    @Test
    void aDecimalStringThroughAJavaScriptClientIsAddedExactly() {
        String server = TestServer.awaitReady();
        McpClients.Result run = McpClients.run(List.of(McpClients.node().toString(),
                        McpClients.home().resolve("sdk-call-tools.mjs").toString(), server + "/mcp",
                        "[{\"name\": \"add\", \"arguments\": {\"a\": \"12345678901234567890.5\", \"b\": 1}},"
                                + " {\"name\": \"add\", \"arguments\": {\"a\": -12345678901234567890.5, \"b\": 1}},"
                                + " {\"name\": \"add\", \"arguments\": {\"a\": \"12345678901234567890,5\", \"b\": 1}},"
                                + " {\"name\": \"multiply\", \"arguments\": {\"a\": \"0.1\", \"b\": 3}}]"),
                Map.of("MCP_ACCESS_TOKEN", TestTokens.bearer(server)), null, Duration.ofMinutes(1));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        JsonArray results = Http.json(run.stdout().strip()).getJsonArray("results");

        JsonObject exact = results.getJsonObject(0).getJsonObject("structuredContent");
        assertEquals("12345678901234567891.5", exact.getString("result"));
        assertTrue(exact.getBoolean("exact"), exact.toString());

        // JSON.parse made the number a double: -12345678901234567000 arrived, and the sum is not claimed exact
        JsonObject rounded = results.getJsonObject(1).getJsonObject("structuredContent");
        assertEquals("-12345678901234566999", rounded.getString("result"));
        assertFalse(rounded.getBoolean("exact"), rounded.toString());
        assertTrue(rounded.getString("note").contains("a = -12345678901234567000"), rounded.toString());

        JsonObject refused = results.getJsonObject(2);
        assertTrue(refused.getBoolean("isError"), refused.toString());
        assertEquals("Argument 'a' must be a number, or a decimal string such as \"-12345678901234567890.5\", not \"12345678901234567890,5\"",
                refused.getJsonArray("content").getJsonObject(0).getString("text"));

        assertEquals("0.3", results.getJsonObject(3).getJsonObject("structuredContent").getString("result"));
    }
}
