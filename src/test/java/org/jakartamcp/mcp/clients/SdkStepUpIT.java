package org.jakartamcp.mcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official TypeScript SDK client ({@code sdk-step-up.mjs}) steps up: signed in for what the 401 asks
 * (mcp:list mcp:call) it calls add, then server_status, which needs mcp:admin; on the 403 insufficient_scope it sends
 * the user through sign-in and consent again for the wider scope, and the call succeeds. With
 * {@code @modelcontextprotocol/client} 2.x, and with {@code @modelcontextprotocol/sdk} 1.x, which asks for exactly
 * the challenge's scope: it keeps mcp:call because the challenge names the scopes the token had too.
 */
class SdkStepUpIT {

    @ParameterizedTest(name = "SDK {0}")
    @ValueSource(strings = {"2", "1"})
    void theClientReauthorizesForTheToolsScopeThroughConsentAndCallsIt(String sdkVersion) {
        Map<String, String> environment = new HashMap<>(McpClients.signInEnvironment(TestServer.adminPassword()));
        environment.put("SDK_VERSION", sdkVersion);
        McpClients.Result run = McpClients.run(List.of(McpClients.node().toString(), McpClients.home().resolve("sdk-step-up.mjs").toString(),
                        TestServer.awaitReady() + "/mcp", "server_status"), environment, null, Duration.ofSeconds(90));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        JsonObject summary = Http.json(run.stdout().strip());
        assertEquals("42", summary.getString("sum"), "add worked with the first token");
        assertEquals(2, summary.getInt("signIns"), "signed in, then again for the tool's scope: " + summary);
        String first = summary.getJsonArray("consents").getJsonArray(0).toString();
        String second = summary.getJsonArray("consents").getJsonArray(1).toString();
        assertFalse(first.contains("mcp:admin"), "the first consent asks what the 401 named: " + first);
        assertTrue(second.contains("(mcp:admin): server_status") && second.contains("Call the tools on your behalf"),
                "the second one the tool's scope besides the others: " + second);
        assertEquals("mcp:list mcp:call mcp:admin", summary.getString("scope"));
        JsonObject result = summary.getJsonObject("result");
        assertFalse(result.getBoolean("isError", false), result.toString());
        assertTrue(result.getJsonObject("structuredContent").getInt("processors") > 0, result.toString());
    }
}
