package org.jakartamcp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.Ports;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestPaths;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The authorization-server scenarios of {@code @modelcontextprotocol/conformance} 0.2.0-alpha
 * against the product's own issuer: its metadata, and the authorization code grant, for which the
 * suite prints an authorization URL and waits on a loopback callback. The user's part (sign in,
 * Allow) is played by {@link OAuthFlow} on the real pages.
 */
class ConformanceAuthorizationIT {

    @Test
    void theAuthorizationServerScenariosPass() throws Exception {
        String issuer = TestServer.awaitReady();
        OAuthFlow browser = new OAuthFlow(issuer);
        int port = Ports.free();
        String clientId = registerClient(issuer, port);
        Path results = TestPaths.buildDirectory().resolve("conformance-authorization");
        TestDatabase.deleteRecursively(results);
        Path out = Files.createTempFile(TestPaths.buildDirectory(), "conformance-authorization", ".out");

        Process suite = new ProcessBuilder(McpClients.node().toString(),
                McpClients.module("conformance-alpha/dist/index.js").toString(), "authorization", "--url", issuer,
                "--client-id", clientId, "--resource", issuer + "/mcp", "--port", String.valueOf(port), "-o", results.toString())
                .directory(McpClients.home().toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            String authorizationUrl = Eventually.await("the suite's authorization URL", Duration.ofSeconds(60),
                    () -> authorizationUrl(out, issuer), Optional::isPresent).orElseThrow();
            HttpResponse<String> login = browser.follow(browser.open(authorizationUrl));
            HttpResponse<String> consent = browser.follow(browser.signIn(login, "admin", TestServer.adminPassword()));
            String callback = OAuthFlow.location(browser.decide(consent, "allow"));
            assertTrue(callback.startsWith("http://127.0.0.1:" + port + "/callback?"), callback);
            assertEquals(200, browser.open(callback).statusCode(), "the suite's callback server took the code");
            assertTrue(suite.waitFor(60, TimeUnit.SECONDS), "the suite finished: " + Files.readString(out));
        } finally {
            suite.destroy();
        }

        List<String> failures = ConformanceResults.failures(results);
        assertTrue(failures.isEmpty(), failures + "\n" + Files.readString(out));
        List<String> successes = ConformanceResults.successes(results);
        assertTrue(successes.stream().anyMatch(check -> check.contains("authorization-code-grant")), successes + Files.readString(out));
        assertTrue(successes.stream().anyMatch(check -> check.contains("authorization-server-metadata")), successes.toString());
        assertEquals(0, suite.exitValue(), Files.readString(out));
    }

    private static String registerClient(String issuer, int port) {
        HttpResponse<String> response = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(issuer + "/register"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"http://127.0.0.1:" + port
                        + "/callback\"],\"token_endpoint_auth_method\":\"none\",\"client_name\":\"MCP conformance suite\"}")).build());
        assertEquals(201, response.statusCode(), response.body());
        return Http.json(response).getString("client_id");
    }

    private static Optional<String> authorizationUrl(Path out, String issuer) {
        try {
            return Files.readAllLines(out).stream().map(String::strip).filter(line -> line.startsWith(issuer + "/authorize?")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
