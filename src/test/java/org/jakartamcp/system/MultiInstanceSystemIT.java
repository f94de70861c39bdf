package org.jakartamcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.testing.Cluster;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.OAuthFlow;
import org.junit.jupiter.api.Test;

/**
 * Two instances started at the same moment on an empty PostgreSQL, behind Debian's nginx with the shipped
 * configuration (round-robin, no stickiness, default retries): both become ready with every start-up step
 * done and exactly one first administrator between them. Then the official TypeScript SDK client, through
 * nginx only, keeps one Streamable HTTP session while its requests alternate between the instances, and each
 * client behind nginx is rate-limited by its own address (X-Forwarded-For from a trusted proxy).
 * Ports from {@code cluster-test.first-port} (default 9151) on: see {@link Cluster}.
 */
class MultiInstanceSystemIT {

    private static final int FIRST_PORT = Integer.getInteger("cluster-test.first-port", 9151);
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final int ADDITIONS = 6;
    private static final int REGISTRATIONS_PER_ADDRESS = 2;

    @Test
    void twoInstancesStartedAtOnceBehindNginxServeOneSessionInTurn() throws Exception {
        try (Cluster cluster = new Cluster("multi-instance", 2, FIRST_PORT,
                Map.of("OAUTH_RATE_LIMIT_REGISTRATION_PER_ADDRESS", String.valueOf(REGISTRATIONS_PER_ADDRESS)))) {
            cluster.startInstancesAtOnce();
            List<JsonObject> readiness = cluster.awaitReady(STARTUP);

            for (int index = 1; index <= 2; index++) {
                assertEquals(Health.STARTUP_STEPS, Health.startupSteps(readiness.get(index - 1)),
                        "instance " + index + " ran every start-up step: " + readiness.get(index - 1));
                String log = cluster.instance(index).messages();
                assertFalse(log.contains("The start-up step") || log.contains("database-ready observer failed"),
                        "instance " + index + " logged no failed start-up step: " + log);
            }
            String password = assertOneFirstAdministrator(cluster);
            try (Connection db = cluster.connect()) {
                assertEquals(1, count(db, "select count(*) from oauth_signing_key where retired_at is null"), "one signing key for both");
                assertEquals(2, count(db, "select count(*) from audit_event where type = ?", AuditTrail.SERVER_STARTED));
            }

            cluster.startBalancer();
            String mcpUrl = cluster.balancerUrl() + "/mcp";
            JsonObject metadata = Http.json(Http.sendAsIs(HttpRequest.newBuilder(
                    URI.create(cluster.balancerUrl() + "/.well-known/oauth-protected-resource/mcp")).GET().build()));
            assertEquals(mcpUrl, metadata.getString("resource"), "the instances name the balancer, not themselves");
            // the sign-in pages keep their state in one instance's HTTP session: signed in on instance 1 itself
            String token = new OAuthFlow(cluster.instanceUrl(1)).tokens("admin", password, mcpUrl).getString("access_token");

            McpClients.Result run = McpClients.run(List.of(McpClients.node().toString(),
                    McpClients.home().resolve("sdk-call-tools.mjs").toString(), mcpUrl, calls()),
                    Map.of("MCP_ACCESS_TOKEN", token), null, Duration.ofMinutes(1));
            assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
            JsonObject output = Http.json(run.stdout().strip());
            JsonArray results = output.getJsonArray("results");
            List<String> tools = results.getJsonObject(0).getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                    .map(tool -> tool.getString("name")).toList();
            assertTrue(tools.contains("add"), "tools/list through nginx: " + tools);
            for (int call = 1; call <= ADDITIONS; call++) {
                JsonObject sum = results.getJsonObject(call);
                assertFalse(sum.getBoolean("isError", false), sum.toString());
                assertEquals(String.valueOf(call + 40), sum.getJsonObject("structuredContent").getString("result"), sum.toString());
            }

            assertAlternated(cluster);
            assertLimitedByClientAddress(cluster);
            try (Connection db = cluster.connect()) {
                assertFalse(output.getString("sessionId", "").isEmpty(), run.stdout());
                assertEquals(1, count(db, "select count(*) from mcp_session"), "the client kept one session on both instances");
            }
        }
    }

    /** tools/list, then add(i, 40) for i = 1 .. ADDITIONS. */
    private static String calls() {
        List<String> calls = new ArrayList<>(List.of("{\"list\": \"tools\"}"));
        IntStream.rangeClosed(1, ADDITIONS).forEach(i -> calls.add("{\"name\": \"add\", \"arguments\": {\"a\": " + i + ", \"b\": 40}}"));
        return "[" + String.join(", ", calls) + "]";
    }

    /** Both generated a password file only if both created an administrator: exactly one did. Returns its password. */
    private static String assertOneFirstAdministrator(Cluster cluster) throws Exception {
        try (Connection db = cluster.connect()) {
            assertEquals(1, count(db, "select count(*) from app_user"), "one first administrator");
        }
        List<Path> written = IntStream.rangeClosed(1, 2).mapToObj(index -> cluster.instance(index).initialPasswordFile())
                .filter(Files::exists).toList();
        assertEquals(1, written.size(), "only the instance that created the administrator wrote its password: " + written);
        long creators = IntStream.rangeClosed(1, 2)
                .filter(index -> cluster.instance(index).messages().contains("Created the first administrator 'admin'")).count();
        assertEquals(1, creators, "one instance created the administrator");
        return Files.readString(written.get(0)).strip();
    }

    /** nginx's access log: the session's requests went to both instances, in turn, and none failed. */
    private static void assertAlternated(Cluster cluster) throws java.io.IOException {
        List<Integer> posts = cluster.upstreamPorts("POST", "/mcp");
        List<Integer> instances = posts.stream().map(cluster::instanceOf).toList();
        assertTrue(posts.size() >= ADDITIONS + 2, "initialize, tools/list and the calls went through nginx: " + posts);
        assertFalse(instances.contains(0), "every request reached an instance at the first try: " + posts);
        long changes = IntStream.range(1, instances.size()).filter(i -> !instances.get(i).equals(instances.get(i - 1))).count();
        // round-robin over two instances: every request goes to the other one than the one before, except where
        // the client's GET stream took a turn in between
        assertTrue(changes >= instances.size() - 3, "requests alternate between the instances: " + instances);
        for (int index = 1; index <= 2; index++) {
            int instance = index;
            assertTrue(instances.stream().filter(served -> served == instance).count() >= ADDITIONS / 2,
                    "instance " + index + " served its share: " + instances);
        }
        HttpResponse<String> health = Http.get(cluster.balancerUrl() + "/health/ready");
        assertEquals(200, health.statusCode(), health.body());
        List<String> failed = Files.readAllLines(cluster.accessLog()).stream().filter(line -> line.matches(".*\" [45]\\d\\d .*")).toList();
        assertTrue(failed.isEmpty(), "no request through nginx failed: " + failed);
    }

    /**
     * nginx appends the address it sees to X-Forwarded-For, and the instances trust nginx's address: each client is
     * limited by its own address, not all by nginx's. (The test's client shares 127.0.0.1 with nginx, so the address
     * it sends stands for where it connects from; a real client's own address is never a trusted proxy's.)
     */
    private static void assertLimitedByClientAddress(Cluster cluster) {
        HttpResponse<String> registered = null;
        for (int attempt = 1; attempt <= 5 * REGISTRATIONS_PER_ADDRESS && (registered == null || registered.statusCode() == 201); attempt++) {
            registered = register(cluster, "203.0.113.7");
        }
        assertEquals(429, registered.statusCode(), "one client address runs out of registrations: " + registered.body());
        HttpResponse<String> another = register(cluster, "203.0.113.8");
        assertEquals(201, another.statusCode(), "another client behind the same nginx still registers: " + another.body());
    }

    private static HttpResponse<String> register(Cluster cluster, String clientAddress) {
        return Http.sendAsIs(HttpRequest.newBuilder(URI.create(cluster.balancerUrl() + "/register"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"" + OAuthFlow.REDIRECT_URI
                        + "\"],\"token_endpoint_auth_method\":\"none\",\"client_name\":\"Behind nginx\"}")).build());
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
