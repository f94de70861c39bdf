package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.OAuthFlow;
import org.junit.jupiter.api.Test;

/**
 * The official TypeScript SDK client lists the tools, calls each with example arguments, and Ajv
 * validates every structuredContent against the tool's outputSchema; its token has the tools' step-up scopes too.
 */
class ToolOutputSchemasIT {

    @Test
    void everyToolsStructuredContentMatchesItsOutputSchema() {
        String server = TestServer.awaitReady();
        String url = server + "/mcp";
        Path examples = Path.of("src/test/resources/tool-examples.json").toAbsolutePath();
        McpClients.Result run = McpClients.run(List.of(McpClients.node().toString(),
                McpClients.home().resolve("validate-tool-outputs.mjs").toString(), url, examples.toString()),
                Map.of("MCP_ACCESS_TOKEN", new OAuthFlow(server).tokensWithScope("mcp:list mcp:call mcp:admin").getString("access_token")), null, Duration.ofMinutes(2));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        JsonObject summary = Http.json(run.stdout().strip());
        assertEquals(List.of(), summary.getJsonArray("failures").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(summary.getInt("tools"), summary.getJsonArray("checked").size());
        assertTrue(summary.getInt("tools") >= 23, run.stdout());
    }
}
