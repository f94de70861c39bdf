package org.jakartamcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.PayaraMicro;
import org.jakartamcp.testing.Ports;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR on the other Jakarta EE server, Payara Micro, with its own PostgreSQL: it deploys,
 * migrates the schema, serves the pages, discovery and the whole sign-in, and with the token from that
 * sign-in opens an MCP session and calls a tool (the application checks the token itself, so Payara's own
 * MicroProfile JWT plays no part); a tampered token is refused there as on Liberty.
 */
class PayaraSystemIT {

    private static final String DATABASE = "payara_mcp";
    private static final String OWNER = "payara_app";
    private static final String PASSWORD = "payara-db-password";
    private static final String ADMIN_PASSWORD = "payara-administrator-password";
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestDatabase.freshWithDatabase("payara-postgres", DATABASE, OWNER, PASSWORD);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theWarRunsOnPayaraMicroUpToAToolCall() throws Exception {
        int port = Ports.free();
        String base = "http://localhost:" + port;
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
        try (PayaraMicro payara = new PayaraMicro(port, url, OWNER, PASSWORD, Map.of("DB_URL", url, "DB_USER", OWNER,
                "DB_PASSWORD", PASSWORD, "DB_EMBEDDED", "false", "ADMIN_PASSWORD", ADMIN_PASSWORD,
                "ADMIN_PASSWORD_FILE", TestPaths.buildDirectory().resolve("system-test/payara-admin-password").toString()))) {
            try {
                new Health(base).awaitReady(Duration.ofSeconds(180));
            } catch (AssertionError notReady) {
                throw new AssertionError(notReady.getMessage() + "\n" + payara.log(), notReady);
            }
            SystemTestDatabase database = new SystemTestDatabase(url, OWNER, PASSWORD);
            assertEquals(1, database.count("select count(*) from audit_event where type = ?", AuditTrail.SERVER_STARTED));

            HttpResponse<String> landing = Http.get(base + "/");
            assertEquals(200, landing.statusCode());
            assertTrue(landing.body().contains(base + "/mcp"), landing.body());
            assertEquals(base, Http.json(Http.get(base + "/.well-known/oauth-authorization-server")).getString("issuer"));
            assertTrue(Http.get(base + "/jwks").body().contains("\"kty\":\"RSA\""));

            McpHttp anonymous = new McpHttp(base + "/mcp", null);
            HttpResponse<String> challenge = Http.sendAsIs(anonymous.post(McpHttp.initializeRequest(1, "2025-11-25")).build());
            assertEquals(401, challenge.statusCode(), challenge.body());
            assertTrue(challenge.headers().firstValue("WWW-Authenticate").orElse("").contains("resource_metadata="),
                    challenge.headers().map().toString());

            String accessToken = new OAuthFlow(base).tokens("admin", ADMIN_PASSWORD).getString("access_token");
            assertEquals(base, OAuthFlow.claims(accessToken).getString("iss"));

            McpHttp mcp = new McpHttp(base + "/mcp", accessToken);
            String session = mcp.initialize("2025-11-25");
            JsonObject sum = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":40}}}");
            assertEquals("42", sum.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"), sum.toString());

            // the application's metrics through Payara's own MicroProfile Metrics
            HttpResponse<String> metrics = Http.sendAsIs(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics"))
                    .header("Accept", "text/plain").GET().build());
            assertEquals(200, metrics.statusCode(), metrics.body());
            assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("mcp_server_operation_duration_seconds_count{")
                    && line.contains("gen_ai_tool_name=\"add\"")), metrics.body());

            String tampered = accessToken.substring(0, accessToken.length() - 4) + (accessToken.endsWith("AAAA") ? "BBBB" : "AAAA");
            HttpResponse<String> refused = Http.sendAsIs(new McpHttp(base + "/mcp", tampered).post(McpHttp.initializeRequest(1, "2025-11-25"))
                    .build());
            assertEquals(401, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer error=\"invalid_token\""),
                    refused.headers().map().toString());
            assertEquals(200, mcp.call(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").statusCode(),
                    "the session still works after the refusal");
        }
    }
}
