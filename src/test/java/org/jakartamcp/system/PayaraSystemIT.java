package org.jakartamcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
 * migrates the schema, and serves the pages, discovery and the whole sign-in up to the token. (The
 * MCP endpoints' token check still depends on the server's MicroProfile JWT, which on Payara refuses
 * these tokens; see the README's Payara section.)
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
    void theWarRunsOnPayaraMicroUpToTheToken() throws Exception {
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
        }
    }
}
