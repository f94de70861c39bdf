package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Step-up scopes: the example tool server_status needs mcp:admin besides mcp:call. A token without it gets 403
 * insufficient_scope naming every scope the client needs and the tool does not run; a token with it calls the tool;
 * the authorization server offers the scope, describes it on the consent page, and grants it to administrators only.
 */
class StepUpScopesIT {

    private static final String CALL_STATUS = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"server_status\",\"arguments\":{}}}";
    private static final String ADMIN_DESCRIPTION = "(mcp:admin): server_status";

    private final String base = TestServer.awaitReady();
    private final OAuthFlow flow = new OAuthFlow(base);

    @Test
    void aCallTokenIsRefusedWithTheScopesToAskForAndTheToolDoesNotRun() {
        McpHttp mcp = new McpHttp(base + "/mcp", flow.tokens().getString("access_token"));
        String session = mcp.initialize("2025-11-25");
        List<String> listed = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").getJsonObject("result")
                .getJsonArray("tools").getValuesAs(JsonObject.class).stream().map(tool -> tool.getString("name")).toList();
        assertTrue(listed.contains("server_status"), "listed, so that a client can find it and step up: " + listed);

        double calls = serverStatusCalls();
        HttpResponse<String> refused = mcp.call(session, CALL_STATUS);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"mcp:list mcp:call mcp:admin\", resource_metadata=\"" + base
                + "/.well-known/oauth-protected-resource/mcp\"", refused.headers().firstValue("WWW-Authenticate").orElse(null));
        JsonObject error = Http.json(refused);
        assertEquals(7, error.getInt("id"));
        assertEquals("Forbidden: the tool server_status needs the scope mcp:admin, which the access token does not have",
                error.getJsonObject("error").getString("message"));
        assertEquals(calls, serverStatusCalls(), "the tool did not run");

        JsonObject sum = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":40}}}").getJsonObject("result");
        assertEquals("42", sum.getJsonArray("content").getJsonObject(0).getString("text"), "the token still calls other tools");
    }

    @Test
    void theStatelessProtocolGetsTheSameChallenge() {
        McpHttp mcp = new McpHttp(base + "/mcp", flow.tokens().getString("access_token"));
        JsonObject params = Json.createObjectBuilder().add("name", "server_status").add("arguments", JsonObject.EMPTY_JSON_OBJECT).build();
        HttpResponse<String> refused = mcp.stateless("tools/call", "server_status", params);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("")
                .startsWith("Bearer error=\"insufficient_scope\", scope=\"mcp:list mcp:call mcp:admin\""), refused.headers().map().toString());

        McpHttp admin = new McpHttp(base + "/mcp", flow.tokensWithScope("mcp:list mcp:call mcp:admin").getString("access_token"));
        HttpResponse<String> called = admin.stateless("tools/call", "server_status", params);
        assertEquals(200, called.statusCode(), called.body());
        assertTrue(Http.json(called).getJsonObject("result").getJsonObject("structuredContent").getInt("processors") > 0, called.body());
    }

    /** HTTP+SSE (2024-11-05): the answer would go on the stream, but the message's own POST carries the refusal. */
    @Test
    void theHttpSseMessageEndpointRefusesThePost() {
        try (SseClient stream = SseClient.open(base + "/sse")) {
            SseClient.Event endpoint = stream.next(Duration.ofSeconds(10));
            String messages = base + endpoint.data();
            assertEquals(202, post(messages, McpHttp.initializeRequest(1, "2024-11-05")).statusCode());
            assertEquals("2024-11-05", Http.json(stream.next(Duration.ofSeconds(10)).data()).getJsonObject("result")
                    .getString("protocolVersion"));
            HttpResponse<String> refused = post(messages, CALL_STATUS);
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals("Bearer error=\"insufficient_scope\", scope=\"mcp:list mcp:call mcp:admin\", resource_metadata=\"" + base
                    + "/.well-known/oauth-protected-resource/sse\"", refused.headers().firstValue("WWW-Authenticate").orElse(null));
            assertEquals(202, post(messages, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}").statusCode());
            assertEquals(9, Http.json(stream.next(Duration.ofSeconds(10)).data()).getInt("id"), "the stream goes on");
        }
    }

    private static HttpResponse<String> post(String url, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aTokenWithTheScopeCallsTheTool() {
        JsonObject tokens = flow.tokensWithScope("mcp:list mcp:call mcp:admin");
        assertEquals("mcp:list mcp:call mcp:admin", tokens.getString("scope"));
        McpHttp mcp = new McpHttp(base + "/mcp", tokens.getString("access_token"));
        String session = mcp.initialize("2025-11-25");
        double calls = serverStatusCalls();
        JsonObject result = mcp.result(session, CALL_STATUS).getJsonObject("result");
        assertFalse(result.getBoolean("isError", false), result.toString());
        JsonObject status = result.getJsonObject("structuredContent");
        assertTrue(status.getInt("processors") > 0 && status.getJsonNumber("heapMaxMiB").longValue() > 0, status.toString());
        assertEquals(calls + 1, serverStatusCalls(), "the count would have seen a call");
    }

    @Test
    void theConsentPageNamesTheScopeAndOnlyAdministratorsGetIt() {
        String clientId = flow.registerPublicClient("Step-up test");
        HttpResponse<String> adminConsent = consentPage(clientId, "admin", TestServer.adminPassword());
        assertTrue(adminConsent.body().contains(ADMIN_DESCRIPTION), adminConsent.body());
        assertFalse(adminConsent.body().contains("id=\"withheld\""), adminConsent.body());

        String user = TestUsers.create("stepup-" + System.nanoTime(), "a-password-of-theirs");
        OAuthFlow browser = new OAuthFlow(base);
        OAuthFlow.Pkce pkce = browser.pkce();
        HttpResponse<String> login = browser.follow(browser.open(browser.authorizeUrl(clientId, pkce,
                Map.of("scope", "mcp:list mcp:call mcp:admin"))));
        HttpResponse<String> consent = browser.follow(browser.signIn(login, user, "a-password-of-theirs"));
        assertFalse(consent.body().contains(ADMIN_DESCRIPTION), "not offered to a user who may not hold it: " + consent.body());
        assertTrue(consent.body().contains("The permission mcp:admin is only for administrators"), consent.body());
        String code = OAuthFlow.query(OAuthFlow.location(browser.decide(consent, "allow"))).get("code");
        JsonObject tokens = Http.json(browser.redeem(clientId, code, pkce.verifier()));
        assertEquals("mcp:list mcp:call", tokens.getString("scope"));
        McpHttp mcp = new McpHttp(base + "/mcp", tokens.getString("access_token"));
        assertEquals(403, mcp.call(mcp.initialize("2025-11-25"), CALL_STATUS).statusCode());
    }

    @Test
    void aClientRegisteredForTheUsualScopesMayStillAskForAToolsScope() {
        String clientId = flow.registerPublicClient("Registered for mcp:list mcp:call", "mcp:list mcp:call");
        HttpResponse<String> consent = consentPage(clientId, "admin", TestServer.adminPassword());
        assertTrue(consent.body().contains(ADMIN_DESCRIPTION), consent.body());

        HttpResponse<String> unknown = flow.open(flow.authorizeUrl(clientId, flow.pkce(), Map.of("scope", "mcp:list mcp:call admin")));
        assertEquals(303, unknown.statusCode(), unknown.body());
        Map<String, String> error = OAuthFlow.query(OAuthFlow.location(unknown));
        assertEquals("invalid_scope", error.get("error"));
        assertTrue(error.get("error_description").contains("mcp:list mcp:call mcp:admin"), error.toString());

        String listOnly = flow.registerPublicClient("Registered for mcp:list", "mcp:list");
        HttpResponse<String> wider = flow.open(flow.authorizeUrl(listOnly, flow.pkce(), Map.of("scope", "mcp:list mcp:call")));
        assertEquals("invalid_scope", OAuthFlow.query(OAuthFlow.location(wider)).get("error"), "registration still limits mcp:call");
    }

    @Test
    void theMetadataOffersTheScope() {
        for (String path : List.of("mcp", "sse")) {
            JsonObject resource = Http.json(Http.get(base + "/.well-known/oauth-protected-resource/" + path));
            assertEquals(List.of("mcp:list", "mcp:call", "mcp:admin"), resource.getJsonArray("scopes_supported")
                    .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        }
        JsonObject server = Http.json(Http.get(base + "/.well-known/oauth-authorization-server"));
        assertTrue(server.getJsonArray("scopes_supported").toString().contains("\"mcp:admin\""), server.toString());
    }

    private HttpResponse<String> consentPage(String clientId, String username, String password) {
        OAuthFlow browser = new OAuthFlow(base);
        HttpResponse<String> login = browser.follow(browser.open(browser.authorizeUrl(clientId, browser.pkce(),
                Map.of("scope", "mcp:list mcp:call mcp:admin"))));
        HttpResponse<String> consent = browser.follow(browser.signIn(login, username, password));
        assertTrue(consent.uri().getPath().endsWith("/consent.xhtml"), consent.uri() + " " + consent.body());
        return consent;
    }

    /** How often server_status has run on the test server, as its metrics count tool calls. */
    private double serverStatusCalls() {
        return Http.get(base + "/metrics").body().lines()
                .filter(line -> line.startsWith("mcp_server_operation_duration_seconds_count{") && line.contains("gen_ai_tool_name=\"server_status\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
