package org.jakartamcp.platform.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
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
 * One housekeeping run, with the default retentions, against rows written straight into PostgreSQL
 * with the ages that matter: what has outlived its use goes, what is still of use stays. The product
 * WAR gets a test-only resource that runs housekeeping at once, so no test waits for its schedule.
 */
@ExtendWith({TestServer.Ready.class, ArquillianExtension.class})
class HousekeepingIT {

    @ArquillianResource
    URL deployment;

    private final String tag = UUID.randomUUID().toString();

    @Deployment(testable = false)
    static WebArchive productWithARunButton() {
        return Deployments.product("housekeeping.war", Map.of()).addClass(HousekeepingProbeResource.class);
    }

    @BeforeEach
    void serverIsReady() {
        TestServer.awaitReady();
    }

    @Test
    void oneRunDeletesWhatOutlivedItsUseAndKeepsTheRest() throws SQLException {
        try (Connection db = TestDatabase.shared().connect()) {
            long user = id(db, "insert into app_user (username, created_at) values (?, now()) returning id", "housekeeping-" + tag);
            client(db, "used", "30 days", false);
            client(db, "used-long-ago", "30 days", false);
            update(db, "update oauth_client set first_granted_at = now() - interval '29 days' where client_id = ?", tag + "-used-long-ago");
            client(db, "unused-old", "30 days", false);
            client(db, "unused-fresh", "1 hour", false);
            client(db, "disabled-old", "30 days", true);
            long active = grant(db, user, "used", null);
            long revokedLongAgo = grant(db, user, "used", "30 days");
            long revokedJustNow = grant(db, user, "used", "1 minute");
            credentials(db, "code", "oauth_code", active, "- interval '2 days'");
            credentials(db, "code-fresh", "oauth_code", active, "+ interval '1 minute'");
            credentials(db, "code-of-revoked", "oauth_code", revokedLongAgo, "+ interval '1 minute'");
            credentials(db, "refresh", "oauth_refresh_token", active, "- interval '2 days'");
            credentials(db, "refresh-fresh", "oauth_refresh_token", active, "+ interval '30 days'");
            credentials(db, "refresh-of-revoked", "oauth_refresh_token", revokedLongAgo, "+ interval '30 days'");
            credentials(db, "refresh-of-recently-revoked", "oauth_refresh_token", revokedJustNow, "+ interval '30 days'");
            session(db, "idle", "3 days");
            session(db, "active", "1 minute");
            long oldPostEvent = event(db, "active", "post-1", "1 hour");
            long freshPostEvent = event(db, "active", "post-2", "1 minute");
            long olderStandalone = event(db, "active", "standalone", "2 hours");
            long newestStandalone = event(db, "active", "standalone", "1 hour");
            audit(db, "100 days");
            audit(db, "1 day");
            update(db, "insert into mcp_request_state_used (id, expires_at) values (?, now() - interval '10 minutes')", tag + "-expired");
            update(db, "insert into mcp_request_state_used (id, expires_at) values (?, now() + interval '1 minute')", tag + "-valid");
            update(db, "insert into oauth_used_assertion (id, expires_at) values (?, now() - interval '10 minutes')", tag + "-expired");
            update(db, "insert into oauth_used_assertion (id, expires_at) values (?, now() + interval '1 minute')", tag + "-valid");
            for (String age : List.of("10 minutes", "1 second")) {
                update(db, "insert into mcp_sse_relay (session_hash, principal, groups, body, created_at) values (?, 'housekeeping', "
                        + "'[]', '" + age + "', now() - interval '" + age + "')", tag + "-active");
                update(db, "insert into mcp_client_answer (instance, session_hash, body, created_at) values ('housekeeping', ?, '"
                        + age + "', now() - interval '" + age + "')", tag + "-active");
            }

            for (String age : List.of("10 minutes", "-1 minute")) {
                update(db, "insert into rate_limit_bucket (key, tokens, refilled_at, expires_at) values (convert_to(?, 'UTF8'), 1, now(), "
                        + "now() - interval '" + age + "')", tag + age);
                update(db, "insert into sign_in_failure (key, failures, expires_at) values (convert_to(?, 'UTF8'), 1, now() - interval '"
                        + age + "')", tag + age);
            }
            String instance = tag.substring(0, 24);
            update(db, "insert into cluster_instance (id, description, started_at, last_beat_at) values (?, 'housekeeping', "
                    + "now() - interval '1 hour', now() - interval '10 minutes')", instance + "-dead");
            update(db, "insert into cluster_instance (id, description, started_at, last_beat_at) values (?, 'housekeeping', "
                    + "now() - interval '1 hour', now() - interval '1 second')", instance + "-live");
            for (String age : List.of("3 days", "1 day")) {
                update(db, "insert into activity_minute (minute, instance_id, tool_calls, tool_errors, latency, sessions, streams, written_at) "
                        + "values (date_trunc('minute', now() - interval '" + age + "'), ?, '{}', '{}', '[]', 0, 0, now())", instance + "-" + age);
            }

            JsonObject deleted = run();

            for (String purge : List.of("IDLE_SESSIONS", "STREAM_EVENTS", "EXPIRED_CODES", "EXPIRED_REFRESH_TOKENS", "REVOKED_GRANTS",
                    "UNUSED_CLIENTS", "AUDIT_EVENTS", "USED_REQUEST_STATES", "USED_ASSERTIONS", "RELAYED_SSE_MESSAGES",
                    "FULL_RATE_LIMIT_BUCKETS", "FORGOTTEN_SIGN_IN_FAILURES", "RELAYED_CLIENT_ANSWERS", "DEAD_INSTANCES", "ACTIVITY_MINUTES")) {
                assertTrue(deleted.getInt(purge) >= 1, purge + " in " + deleted);
            }
            assertEquals(List.of(tag + "-disabled-old", tag + "-unused-fresh", tag + "-used", tag + "-used-long-ago"),
                    strings(db, "select client_id from oauth_client where client_id like ?", tag + "-%").stream().sorted().toList());
            // ids compared as a set: the order the sequence hands them out in is not the order of the inserts
            assertEquals(java.util.Set.of(String.valueOf(active), String.valueOf(revokedJustNow)),
                    java.util.Set.copyOf(strings(db, "select id::text from oauth_grant where user_id = " + user, null)));
            assertEquals(List.of(tag + "-code-fresh"), strings(db, "select trim(code_hash) from oauth_code where code_hash like ?", tag + "-%"));
            assertEquals(List.of(tag + "-refresh-fresh", tag + "-refresh-of-recently-revoked"),
                    strings(db, "select trim(token_hash) from oauth_refresh_token where token_hash like ?", tag + "-%").stream().sorted().toList());
            assertEquals(List.of(tag + "-active"), strings(db, "select trim(id_hash) from mcp_session where id_hash like ?", tag + "-%"));
            assertEquals(List.of(String.valueOf(freshPostEvent), String.valueOf(newestStandalone)),
                    strings(db, "select seq::text from mcp_event where session_hash like ? order by mcp_event.seq", tag + "-%"));
            assertTrue(oldPostEvent < freshPostEvent && olderStandalone < newestStandalone);
            assertEquals(List.of("1 day"), strings(db, "select detail from audit_event where actor = ?", "housekeeping-" + tag));
            // a used request state is remembered until it has expired, so that it cannot be used again before
            assertEquals(List.of(tag + "-valid"), strings(db, "select id from mcp_request_state_used where id like ?", tag + "-%"));
            assertEquals(List.of(tag + "-valid"), strings(db, "select id from oauth_used_assertion where id like ?", tag + "-%"));
            assertEquals(List.of("1 second"), strings(db, "select body from mcp_sse_relay where session_hash like ?", tag + "-%"),
                    "a relayed message is kept while its stream's instance may still take it");
            for (String table : List.of("rate_limit_bucket", "sign_in_failure")) {
                assertEquals(List.of(tag + "-1 minute"), strings(db, "select convert_from(key, 'UTF8') from " + table
                        + " where position(convert_to(?, 'UTF8') in key) = 1", tag), "only the expired row goes from " + table);
            }
            assertEquals(List.of("1 second"), strings(db, "select body from mcp_client_answer where session_hash like ?", tag + "-%"),
                    "a relayed answer is kept while the instance that asked may still take it");
            assertEquals(List.of(instance + "-live"), strings(db, "select id from cluster_instance where id like ?", instance + "-%"),
                    "the row of an instance that died goes, a live one's stays");
            assertEquals(List.of(instance + "-1 day"), strings(db, "select instance_id from activity_minute where instance_id like ?",
                    instance + "-%"), "minutes of activity past activity.retention-hours (48) go");
        }
    }

    @Test
    void runsAtTheSameTimeShareTheWorkWithoutFailing() throws SQLException {
        int rows = 5000;
        try (Connection db = TestDatabase.shared().connect();
             PreparedStatement insert = db.prepareStatement("insert into audit_event (occurred_at, type, actor, detail) "
                     + "select now() - interval '100 days', 'test.old', ?, 'row ' || n from generate_series(1, " + rows + ") n")) {
            insert.setString(1, "housekeeping-" + tag);
            assertEquals(rows, insert.executeUpdate());

            List<CompletableFuture<JsonObject>> runs = List.of(CompletableFuture.supplyAsync(this::run),
                    CompletableFuture.supplyAsync(this::run), CompletableFuture.supplyAsync(this::run));
            int total = runs.stream().map(CompletableFuture::join).mapToInt(counts -> counts.getInt("AUDIT_EVENTS")).sum();

            assertTrue(total >= rows, "deleted " + total + " of " + rows);
            assertEquals(List.of("0"), strings(db, "select count(*)::text from audit_event where actor = ?", "housekeeping-" + tag));
            assertEquals(0, run().getInt("AUDIT_EVENTS"), "nothing is left for a later run");
        }
    }

    @Test
    void oneInstanceTakesARoundsLeaseUntilItExpires() throws SQLException {
        String job = "test-" + tag;
        try (Connection db = TestDatabase.shared().connect()) {
            assertEquals("true", lease(job, 60), "a free lease is taken");
            assertEquals("false", lease(job, 60), "a held one is not, whoever asks");
            update(db, "update cluster_lease set expires_at = now() - interval '1 second' where name = ?", job);
            assertEquals("true", lease(job, 60), "an expired lease is free again (its holder died or ran late)");
            assertEquals(List.of("1"), strings(db, "select count(*)::text from cluster_lease where name = ? and expires_at > now() + interval '50 seconds'", job));
            update(db, "delete from cluster_lease where name = ?", job);
        }
    }

    private String lease(String job, long seconds) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(deployment + "housekeeping-run/lease?job=" + job
                + "&seconds=" + seconds)).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private JsonObject run() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(deployment + "housekeeping-run"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private void client(Connection db, String name, String age, boolean disabled) throws SQLException {
        update(db, "insert into oauth_client (client_id, redirect_uris, token_endpoint_auth_method, disabled, created_at) "
                + "values (?, 'http://127.0.0.1/callback', 'none', " + disabled + ", now() - interval '" + age + "')", tag + "-" + name);
    }

    private long grant(Connection db, long user, String client, String revokedAgo) throws SQLException {
        return id(db, "insert into oauth_grant (user_id, client_id, scope, resource, created_at, revoked_at) values (" + user
                + ", ?, 'mcp:call', 'http://localhost/mcp', now() - interval '60 days', "
                + (revokedAgo == null ? "null" : "now() - interval '" + revokedAgo + "'") + ") returning id", tag + "-" + client);
    }

    private void credentials(Connection db, String name, String table, long grant, String expiresFromNow) throws SQLException {
        String sql = "oauth_code".equals(table)
                ? "insert into oauth_code (code_hash, grant_id, redirect_uri, code_challenge, expires_at) values (?, " + grant
                + ", '', 'challenge', now() " + expiresFromNow + ")"
                : "insert into oauth_refresh_token (token_hash, grant_id, created_at, expires_at) values (?, " + grant
                + ", now() - interval '60 days', now() " + expiresFromNow + ")";
        update(db, sql, tag + "-" + name);
    }

    private void session(Connection db, String name, String idle) throws SQLException {
        update(db, "insert into mcp_session (id_hash, transport, principal, created_at, last_seen_at) "
                + "values (?, 'STREAMABLE_HTTP', 'housekeeping', now() - interval '5 days', now() - interval '" + idle + "')", tag + "-" + name);
    }

    private long event(Connection db, String session, String stream, String age) throws SQLException {
        return id(db, "insert into mcp_event (session_hash, stream_id, payload, created_at) values (?, '" + stream
                + "', '{}', now() - interval '" + age + "') returning seq", tag + "-" + session);
    }

    private void audit(Connection db, String age) throws SQLException {
        update(db, "insert into audit_event (occurred_at, type, actor, detail) values (now() - interval '" + age
                + "', 'test.audit', ?, '" + age + "')", "housekeeping-" + tag);
    }

    private static void update(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    private static long id(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static List<String> strings(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (result.next()) {
                    values.add(result.getString(1));
                }
                return values;
            }
        }
    }
}
