package org.jakartamcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.jakartamcp.platform.security.SecretHash;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions have a lifetime, and every instance agrees on it: the root application and a second
 * deployment of the product share the database as two instances of the server would. A session's
 * age is set in the database, as the passing of a day would.
 */
@ExtendWith({TestServer.Ready.class, ArquillianExtension.class})
class SessionLifetimeIT {

    /** The default mcp.session-check-seconds, and what a loaded test machine may add to it. */
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);
    private static final Duration BOUND = CHECK_INTERVAL.plusSeconds(10);
    private static final int SESSIONS_PER_USER = 3;
    private static final String ADD = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
            + "\"arguments\":{\"a\":1,\"b\":2}}}";

    @ArquillianResource
    URL deployment;

    private McpHttp root;
    private McpHttp other;

    @Deployment(testable = false)
    static WebArchive secondInstance() {
        return Deployments.product("second-instance.war", Map.of("mcp.sessions-per-user", String.valueOf(SESSIONS_PER_USER)));
    }

    @BeforeEach
    void clients() {
        root = new McpHttp(TestServer.awaitReady() + "/mcp");
        other = new McpHttp(deployment.toString().replaceAll("/$", "") + "/mcp");
    }

    @Test
    void aSessionIdlePastItsLifetimeIsNotFoundEverywhereAndTheClientStartsAnother() throws SQLException {
        String session = root.initialize("2025-11-25");
        assertEquals(200, root.call(session, ADD).statusCode());

        execute("update mcp_session set last_seen_at = now() - interval '2 days' where id_hash = ?", SecretHash.of(session));

        // the other instance has never seen it: the stored age decides
        assertNotFound(other.call(session, ADD));
        String fresh = other.initialize("2025-11-25");
        assertEquals("3", text(other.result(fresh, ADD)));
        // the instance that had it cached, and used it a moment ago, learns that it ended
        Eventually.await("the expired session to end on the instance that cached it", BOUND,
                () -> root.call(session, ADD), response -> response.statusCode() == 404);
        assertNotFound(root.call(session, ADD));
        assertEquals(200, root.call(fresh, ADD).statusCode());
    }

    @Test
    void aSessionDeletedInTheDatabaseStopsWorkingOnEveryInstanceWithinTheCheckInterval() throws SQLException {
        String session = root.initialize("2025-11-25");
        assertEquals(200, root.call(session, ADD).statusCode());
        assertEquals(200, other.call(session, ADD).statusCode());

        long deletedAt = System.nanoTime();
        execute("delete from mcp_session where id_hash = ?", SecretHash.of(session));

        Eventually.await("the deleted session to end on the root instance", BOUND,
                () -> root.call(session, ADD), response -> response.statusCode() == 404);
        Eventually.await("the deleted session to end on the other instance", BOUND,
                () -> other.call(session, ADD), response -> response.statusCode() == 404);
        System.out.printf("A session deleted in the database ended on both instances after %d ms%n",
                Duration.ofNanos(System.nanoTime() - deletedAt).toMillis());
        assertNotFound(root.call(session, ADD));
        String fresh = root.initialize("2025-11-25");
        assertEquals("3", text(root.result(fresh, ADD)));
    }

    @Test
    void aUsersSessionBeyondTheCapEndsTheLeastRecentlyUsedOne() {
        String[] sessions = new String[SESSIONS_PER_USER];
        for (int i = 0; i < SESSIONS_PER_USER; i++) {
            sessions[i] = other.initialize("2025-11-25");
        }
        for (String session : sessions) {
            assertEquals(200, other.call(session, ADD).statusCode());
        }

        String newest = other.initialize("2025-11-25");

        assertNotFound(other.call(sessions[0], ADD));
        for (int i = 1; i < SESSIONS_PER_USER; i++) {
            assertEquals(200, other.call(sessions[i], ADD).statusCode(), "session " + i);
        }
        assertEquals("3", text(other.result(newest, ADD)));
    }

    @Test
    void theSessionEndedForANewOneTakesItsOpenStreamAlongAndTheNewSessionStarts() {
        String[] sessions = new String[SESSIONS_PER_USER];
        for (int i = 0; i < SESSIONS_PER_USER; i++) {
            sessions[i] = other.initialize("2025-11-25");
        }
        String url = deployment.toString().replaceAll("/$", "") + "/mcp";
        try (SseClient stream = new SseClient(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", sessions[0]).GET().build())) {
            assertEquals(200, stream.statusCode());
            assertNotNull(stream.next(Duration.ofSeconds(10)), "the stream's priming event");
            for (int i = 1; i < SESSIONS_PER_USER; i++) {
                assertEquals(200, other.call(sessions[i], ADD).statusCode());
            }

            // ending the oldest session closes its stream while this request is served: the request must not suffer
            String newest = other.initialize("2025-11-25");

            assertEquals("3", text(other.result(newest, ADD)));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (stream.nextOrNull(Duration.ofSeconds(10)) != null) {
                assertTrue(System.nanoTime() < deadline, "the ended session's stream keeps sending");
            }
            assertNotFound(other.call(sessions[0], ADD));
        }
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertEquals(404, response.statusCode(), response.body());
        assertEquals(-32600, Http.json(response).getJsonObject("error").getInt("code"), response.body());
        assertTrue(Http.json(response).getJsonObject("error").getString("message").contains("initialize"), response.body());
    }

    private static String text(jakarta.json.JsonObject response) {
        return response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static void execute(String sql, String hash) throws SQLException {
        try (Connection connection = TestDatabase.shared().connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, hash);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }
}
