package org.jakartamcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.LibertyServer;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestPaths;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Liberty stops and starts in the middle of a Streamable HTTP session: the client goes on with the
 * same session id, a stream dropped before the restart resumes from Last-Event-ID after it, and the
 * calculation made before the restart is still in the user's history. Then browsers without a cookie
 * fill the server's few HTTP sessions (HTTP_SESSIONS_MAX): the next gets 503 with Retry-After, while
 * a browser that already had a session signs in and the MCP session goes on.
 */
class SessionAcrossRestartSystemIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int SESSIONS_MAX = 10;

    @Test
    void theSessionAndItsEventsOutliveARestart() throws Exception {
        Path data = TestPaths.buildDirectory().resolve("system-test/restart-postgres");
        TestDatabase.deleteRecursively(data);
        Map<String, String> environment = new HashMap<>(RunServerSystemIT.portEnvironment());
        environment.put("DB_EMBEDDED_DIR", data.toString());
        environment.put("ADMIN_PASSWORD", TestServer.adminPassword());
        environment.put("HTTP_SESSIONS_MAX", Integer.toString(SESSIONS_MAX));
        String mcpUrl = RunServerSystemIT.BASE_URL + "/mcp";
        OAuthFlow oauth = new OAuthFlow(RunServerSystemIT.BASE_URL);

        try (LibertyServer server = new LibertyServer("defaultServer", environment)) {
            server.start();
            new Health(RunServerSystemIT.BASE_URL).awaitReady(RunServerSystemIT.STARTUP);
            String clientId = oauth.registerPublicClient("Client across a restart");
            OAuthFlow.Pkce pkce = oauth.pkce();
            JsonObject tokens = Http.json(oauth.redeem(clientId, oauth.authorize(clientId, pkce).get("code"), pkce.verifier()));
            McpHttp mcp = new McpHttp(mcpUrl, tokens.getString("access_token"));
            String session = mcp.initialize("2025-11-25");
            String primingId;
            try (SseClient call = new SseClient(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"add\",\"arguments\":{\"a\":40,\"b\":2},\"_meta\":{\"progressToken\":7}}}")
                    .header("Mcp-Session-Id", session).build())) {
                primingId = call.next(WAIT).id();
            } // the connection drops before the client read the result
            // the history is written in batches every 500 ms: wait for this one, so the restart is what is tested
            Eventually.await("the calculation in the history", WAIT, () -> history(mcp, session), text -> text.contains("\"result\":\"42\""));

            server.stop();
            server.start();
            new Health(RunServerSystemIT.BASE_URL).awaitReady(RunServerSystemIT.STARTUP);

            JsonObject afterRestart = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":1}}}");
            assertEquals("2", afterRestart.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));

            List<SseClient.Event> resumed = new ArrayList<>();
            try (SseClient stream = new SseClient(HttpRequest.newBuilder(URI.create(mcpUrl)).header("Accept", "text/event-stream")
                    .header("Mcp-Session-Id", session).header("Last-Event-ID", primingId).GET().build())) {
                assertEquals(200, stream.statusCode());
                SseClient.Event event;
                while ((event = stream.nextOrNull(WAIT)) != null) {
                    resumed.add(event);
                }
            }
            assertEquals(1, resumed.size(), "the result missed before the restart, once: " + resumed);

            String history = history(mcp, session);
            assertTrue(history.contains("\"result\":\"42\""), "the calculation from before the restart is in the history: " + history);
            JsonObject result = Http.json(resumed.get(0).data());
            assertEquals(5, result.getInt("id"));
            assertEquals("42", result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));

            // the registration, the grant and both tokens from before the restart still work
            HttpResponse<String> refreshed = oauth.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                    "refresh_token", tokens.getString("refresh_token")));
            assertEquals(200, refreshed.statusCode(), refreshed.body());
            assertEquals(200, McpHttp.initializeStatus(RunServerSystemIT.BASE_URL, Http.json(refreshed).getString("access_token")));
            OAuthFlow.Pkce again = oauth.pkce();
            assertEquals(200, oauth.redeem(clientId, oauth.authorize(clientId, again).get("code"), again.verifier()).statusCode(),
                    "the client registered before the restart signs in again");

            assertSessionsBounded(server, oauth, clientId, mcp, session);
        }
    }

    /** Browsers without a cookie open the sign-in page until the server has no session left for the next. */
    private static void assertSessionsBounded(LibertyServer server, OAuthFlow oauth, String clientId, McpHttp mcp, String session) {
        String base = RunServerSystemIT.BASE_URL;
        OAuthFlow early = new OAuthFlow(base);
        HttpResponse<String> earlyPage = early.open(base + "/login.xhtml");
        assertEquals(200, earlyPage.statusCode(), earlyPage.body());
        HttpResponse<String> page = Http.get(base + "/login.xhtml");
        for (int opened = 1; page.statusCode() == 200 && opened <= SESSIONS_MAX; opened++) {
            page = Http.get(base + "/login.xhtml");
        }
        assertEquals(503, page.statusCode(), "past " + SESSIONS_MAX + " sessions: " + page.body());
        assertEquals("60", page.headers().firstValue("Retry-After").orElse(""));
        assertTrue(page.body().contains("The server is busy signing other people in; try again in a minute."), page.body());
        assertFalse(page.body().contains("Exception"), page.body());
        HttpResponse<String> authorize = Http.get(oauth.authorizeUrl(clientId, oauth.pkce(), Map.of()));
        assertEquals(503, authorize.statusCode(), authorize.body());
        assertEquals("60", authorize.headers().firstValue("Retry-After").orElse(""));

        HttpResponse<String> signedIn = early.follow(early.signIn(earlyPage, "admin", TestServer.adminPassword()));
        assertTrue(signedIn.uri().getPath().endsWith("/account.xhtml"), "a browser with a session signs in: " + signedIn.uri() + " " + signedIn.body());
        JsonObject sum = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{"
                + "\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":3}}}");
        assertEquals("5", sum.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        assertEquals(200, Http.get(base + "/").statusCode(), "the landing page needs no session");
        assertFalse(server.messages().contains("SRVE0777E"), "no page failed for want of a session");
    }

    private static String history(McpHttp mcp, String session) {
        return mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/read\","
                + "\"params\":{\"uri\":\"history://recent\"}}").getJsonObject("result").getJsonArray("contents")
                .getJsonObject(0).getString("text");
    }
}
