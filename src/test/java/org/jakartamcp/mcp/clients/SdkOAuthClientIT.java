package org.jakartamcp.mcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A short application on the official TypeScript SDK ({@code sdk-oauth-client.mjs}): its
 * OAuthClientProvider registers, sends the user through sign-in and consent, and the transport
 * redeems the code; then it calls add. Over both transports, and Streamable HTTP at the quick-start
 * URL /sse too, whose protected-resource metadata names /sse (the SDK requires the resource to be a
 * prefix of the URL it connected to).
 */
class SdkOAuthClientIT {

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"http, /mcp", "sse, /sse", "http, /sse"})
    void signsInAndCallsAdd(String transport, String path) {
        String url = TestServer.awaitReady() + path;
        McpClients.Result run = McpClients.run(List.of(McpClients.node().toString(),
                        McpClients.home().resolve("sdk-oauth-client.mjs").toString(), transport, url),
                McpClients.signInEnvironment(TestServer.adminPassword()), null, Duration.ofSeconds(90));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        JsonObject summary = Http.json(run.stdout().strip());
        assertTrue(summary.getBoolean("signedIn"), "it went through the sign-in: " + run.stdout());
        assertEquals("42", summary.getString("sum"));
    }
}
