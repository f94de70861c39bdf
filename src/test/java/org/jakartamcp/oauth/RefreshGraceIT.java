package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jakartamcp.platform.security.SecretHash;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens that survive real clients (oauth.refresh-grace-seconds, 60 on the test server): a rotated token
 * presented again at once, or twice at the same moment, gets the same new pair; presented after that pair's refresh
 * token was used, it revokes the grant. Zero (strict rotation) is RefreshGraceTest's.
 */
class RefreshGraceIT {

    private final String base = TestServer.awaitReady();
    private final OAuthFlow flow = new OAuthFlow(base);

    @Test
    void twoRefreshesWithOneTokenAtOnceBothGetTheSameNewPair() throws Exception {
        JsonObject tokens = flow.tokens();
        String old = tokens.getString("refresh_token");
        Map<String, String> refresh = refresh(tokens, old);

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService twoProcesses = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(twoProcesses.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return flow.token(refresh);
                }));
            }
            HttpResponse<String> first = answers.get(0).get(30, TimeUnit.SECONDS);
            HttpResponse<String> second = answers.get(1).get(30, TimeUnit.SECONDS);
            assertEquals(200, first.statusCode(), first.body());
            assertEquals(200, second.statusCode(), second.body());
            JsonObject one = Http.json(first);
            JsonObject other = Http.json(second);
            assertNotEquals(old, one.getString("refresh_token"), "rotated");
            assertEquals(one.getString("refresh_token"), other.getString("refresh_token"), "exactly one rotation: the same refresh token");
            assertEquals(one.getString("access_token"), other.getString("access_token"), "and the same access token");
            assertEquals(one.getString("scope"), other.getString("scope"));
            assertTrue(one.getInt("expires_in") > 0 && other.getInt("expires_in") > 0, other.toString());

            // a retry after a lost answer, a moment later: the same pair again; another scope is refused, not a reuse
            Map<String, String> otherScope = new HashMap<>(refresh);
            otherScope.put("scope", "mcp:list");
            HttpResponse<String> narrowed = flow.token(otherScope);
            assertEquals(400, narrowed.statusCode(), narrowed.body());
            assertEquals("invalid_scope", Http.json(narrowed).getString("error"), narrowed.body());
            JsonObject retried = Http.json(flow.token(refresh));
            assertEquals(one.getString("refresh_token"), retried.getString("refresh_token"), retried.toString());
            assertEquals(one.getString("access_token"), retried.getString("access_token"));
            assertEquals(200, McpHttp.initializeStatus(base, retried.getString("access_token")), "the pair works");

            assertPairNotInClear(old, one);
            HttpResponse<String> next = flow.token(refresh(tokens, one.getString("refresh_token")));
            assertEquals(200, next.statusCode(), "the new refresh token rotates as usual: " + next.body());
        } finally {
            twoProcesses.shutdownNow();
        }
    }

    @Test
    void theOldTokenAfterTheNewOneWasUsedRevokesTheGrant() throws SQLException {
        JsonObject tokens = flow.tokens();
        String clientId = OAuthFlow.claims(tokens.getString("access_token")).getString("client_id");
        JsonObject second = Http.json(flow.token(refresh(tokens, tokens.getString("refresh_token"))));
        HttpResponse<String> third = flow.token(refresh(tokens, second.getString("refresh_token")));
        assertEquals(200, third.statusCode(), third.body());
        String newest = Http.json(third).getString("access_token");
        assertEquals(200, McpHttp.initializeStatus(base, newest));

        HttpResponse<String> reused = flow.token(refresh(tokens, tokens.getString("refresh_token")));
        assertEquals(400, reused.statusCode(), reused.body());
        assertEquals("invalid_grant", Http.json(reused).getString("error"));
        assertTrue(Http.json(reused).getString("error_description").contains("already used"), reused.body());
        assertEquals(401, McpHttp.initializeStatus(base, newest), "every token of the grant ends, the newest access token too");
        HttpResponse<String> newestRefresh = flow.token(refresh(tokens, Http.json(third).getString("refresh_token")));
        assertEquals(400, newestRefresh.statusCode(), newestRefresh.body());
        assertTrue(Http.json(newestRefresh).getString("error_description").contains("revoked"), newestRefresh.body());
        assertTrue(rows("select detail from audit_event where type = 'grant.revoked' and detail like ?", "%client " + clientId + ":%")
                .stream().anyMatch(detail -> detail.endsWith("used refresh token presented again")), "audited");

        assertEquals(200, McpHttp.initializeStatus(base, flow.tokens().getString("access_token")), "a new sign-in works");
    }

    private static Map<String, String> refresh(JsonObject tokens, String refreshToken) {
        return Map.of("grant_type", "refresh_token", "client_id",
                OAuthFlow.claims(tokens.getString("access_token")).getString("client_id"), "refresh_token", refreshToken);
    }

    /** One rotation happened; the rotated row keeps the new pair sealed, and neither token is anywhere in the table in clear. */
    private static void assertPairNotInClear(String old, JsonObject pair) throws SQLException {
        assertEquals(List.of("2"), rows("select count(*) from oauth_refresh_token where grant_id = (select grant_id "
                + "from oauth_refresh_token where token_hash = ?)", SecretHash.of(old)),
                "exactly one rotation: the first token and one successor");
        List<String> sealed = rows("select successor_pair from oauth_refresh_token where token_hash = ?", SecretHash.of(old));
        assertEquals(1, sealed.size());
        assertNotNull(sealed.get(0), "the pair is kept for retries");
        assertEquals(List.of(SecretHash.of(pair.getString("refresh_token"))),
                rows("select successor_hash from oauth_refresh_token where token_hash = ?", SecretHash.of(old)));
        for (String token : List.of(pair.getString("refresh_token"), pair.getString("access_token"))) {
            assertEquals(List.of("0"), rows("select count(*) from oauth_refresh_token where position(? in concat_ws(' ', token_hash, "
                    + "successor_hash, successor_pair)) > 0", token), "no token in clear");
        }
        assertFalse(sealed.get(0).contains(pair.getString("refresh_token")));
    }

    private static List<String> rows(String sql, String parameter) throws SQLException {
        try (Connection connection = TestDatabase.shared().connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
