package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Sign-ins, consents, registrations, tokens issued and grants revoked land in PostgreSQL's audit_event, without secrets. */
class AuditTrailIT {

    /** audit.repeat-window-seconds, as the test server has it (the default). */
    private static final long REPEAT_WINDOW_SECONDS = 600;

    private final String base = TestServer.awaitReady();

    @Test
    void theFlowAndItsRefusalsAreAuditedWithoutSecrets() throws SQLException {
        long before = Long.parseLong(rows("select coalesce(max(id), 0) from audit_event").get(0));
        OAuthFlow flow = new OAuthFlow(base);
        String clientId = flow.registerPublicClient("Audited client");
        OAuthFlow.Pkce pkce = flow.pkce();
        HttpResponse<String> login = flow.follow(flow.open(flow.authorizeUrl(clientId, pkce, Map.of())));
        String stranger = "audit-stranger-" + System.nanoTime();
        HttpResponse<String> again = flow.signIn(login, stranger, "a wrong password for the audit");
        HttpResponse<String> consent = flow.follow(flow.signIn(again, "admin", TestServer.adminPassword()));
        String code = OAuthFlow.query(OAuthFlow.location(flow.decide(consent, "allow"))).get("code");
        JsonObject tokens = Http.json(flow.redeem(clientId, code, pkce.verifier()));
        assertEquals(400, flow.redeem(clientId, code, pkce.verifier()).statusCode());

        List<String> events = rows("select type || ' ' || coalesce(actor, '') from audit_event where id > ? and detail like ? order by id",
                Long.toString(before), "%" + clientId + "%");
        assertEquals("client.registered anonymous", events.get(0), events.toString());
        assertTrue(events.contains("consent.allowed admin"), events.toString());
        assertTrue(events.contains("token.issued admin"), events.toString());
        assertTrue(events.stream().anyMatch(event -> event.startsWith("grant.revoked user ")), events.toString());
        assertTrue(rows("select detail from audit_event where id > ? and type = ?", Long.toString(before), "grant.revoked").stream()
                .anyMatch(detail -> detail.contains(clientId) && detail.endsWith("authorization code replayed")));
        assertEquals(List.of("sign-in.failed"), rows("select type from audit_event where id > ? and actor = ?", Long.toString(before),
                stranger), "a failed sign-in is recorded under the name tried");
        assertTrue(rows("select type from audit_event where id > ? and actor = ?", Long.toString(before), "admin")
                .contains("sign-in.succeeded"));

        String trail = String.join("\n", rows("select coalesce(actor, '') || ' ' || coalesce(detail, '') from audit_event "
                + "where id > ?", Long.toString(before)));
        for (String secret : List.of(code, tokens.getString("refresh_token"), tokens.getString("access_token"), TestServer.adminPassword(),
                "a wrong password for the audit")) {
            assertFalse(trail.contains(secret), "no secret in the audit trail");
        }
    }

    /**
     * A flood of failed sign-ins under one name (from several sessions at once, as on several instances) is one
     * row per repeat window with the exact count, so the administrators' first page still shows what happened
     * before it. Without counting, the flood's rows alone (more than a page) would have pushed that event off.
     */
    @Test
    void aFloodOfRefusalsIsOneCountedRowAndRealEventsStayOnTheFirstPage() throws Exception {
        String marker = "Registered before the flood " + System.nanoTime();
        new OAuthFlow(base).registerPublicClient(marker);
        String flooder = "audit-flood-" + System.nanoTime();
        int sessions = 6;
        int triesEach = 10;
        long firstWindow = Instant.now().getEpochSecond() / REPEAT_WINDOW_SECONDS;
        List<CompletableFuture<Void>> flood = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            flood.add(CompletableFuture.runAsync(() -> {
                OAuthFlow attacker = new OAuthFlow(base);
                HttpResponse<String> page = attacker.follow(attacker.open(base + "/login.xhtml"));
                for (int attempt = 0; attempt < triesEach; attempt++) {
                    page = attacker.signIn(page, flooder, "guess " + attempt);
                    assertTrue(page.body().contains("Wrong username or password."), page.body());
                }
            }));
        }
        CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        long windows = Instant.now().getEpochSecond() / REPEAT_WINDOW_SECONDS - firstWindow + 1;

        List<String> counts = rows("select occurrences from audit_event where type = ? and actor = ?", "sign-in.failed", flooder);
        assertEquals(windows, counts.size(), "one row per repeat window: " + counts);
        assertEquals(sessions * triesEach, counts.stream().mapToLong(Long::parseLong).sum(), "every try counted: " + counts);

        OAuthFlow admin = new OAuthFlow(base);
        admin.follow(admin.signIn(admin.follow(admin.open(base + "/login.xhtml")), "admin", TestServer.adminPassword()));
        HttpResponse<String> firstPage = admin.open(base + "/admin/audit.xhtml");
        assertEquals(200, firstPage.statusCode());
        assertTrue(firstPage.body().contains(marker), "the event before the flood is still on the first page: " + firstPage.body());
        assertEquals(windows, firstPage.body().split(flooder, -1).length - 1, "the flood is one row: " + firstPage.body());
        if (windows == 1) {
            assertTrue(firstPage.body().contains((sessions * triesEach) + " times, last "), firstPage.body());
        }
    }

    /** The first column of each row; the parameters are bound as text, except a leading id bound as a number. */
    private static List<String> rows(String sql, String... parameters) throws SQLException {
        try (Connection connection = TestDatabase.shared().connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (i == 0 && sql.contains("id > ?")) {
                    statement.setLong(1, Long.parseLong(parameters[0]));
                } else {
                    statement.setString(i + 1, parameters[i]);
                }
            }
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
