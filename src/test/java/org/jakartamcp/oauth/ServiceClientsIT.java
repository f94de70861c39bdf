package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jakartamcp.mcp.server.tools.GroupLimitedTools;
import org.jakartamcp.platform.security.SecretHash;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Service clients (the MCP OAuth Client Credentials extension): an administrator creates one on the clients page, which
 * shows its secret once; it gets tokens with the client credentials grant (HTTP Basic) and calls the tools that allow
 * machine callers, over real HTTP. The deployment here refuses machine callers for factorize by configuration and adds
 * a fixture tool without the attribute.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceClientsIT {

    private static final Pattern CREATED_ID = Pattern.compile("<code id=\"created-client-id\">([^<]+)</code>");
    private static final Pattern CREATED_SECRET = Pattern.compile("<code id=\"created-client-secret\">([^<]+)</code>");

    @ArquillianResource
    URL deployment;

    private final String base = TestServer.awaitReady();

    @Deployment(testable = false)
    static WebArchive productRefusingMachinesSomeTools() {
        return Deployments.product("service-clients.war", Map.of("mcp.tool-machine-callers.factorize", "false"))
                .addClass(GroupLimitedTools.class);
    }

    private record Created(String clientId, String secret) {
    }

    @Test
    void aServiceClientGetsATokenWithBasicAuthenticationAndCallsOnlyToolsForMachines() throws SQLException {
        Created client = createOnThePage("CI job " + System.nanoTime(), "mcp:list mcp:call");
        HttpResponse<String> issued = new OAuthFlow(base).token(Map.of("grant_type", "client_credentials"), client.clientId(), client.secret());
        assertEquals(200, issued.statusCode(), issued.body());
        JsonObject tokens = Http.json(issued);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals("mcp:list mcp:call", tokens.getString("scope"));
        assertFalse(tokens.containsKey("refresh_token"), "no refresh token for client credentials: " + tokens);
        JsonObject claims = OAuthFlow.claims(tokens.getString("access_token"));
        assertEquals(client.clientId(), claims.getString("sub"));
        assertEquals("client-credentials", claims.getString("gty"));
        assertEquals(base + "/mcp", claims.getString("aud"));
        assertEquals(1, auditRows("token.issued", "client " + client.clientId()), "audited like every token issue");

        McpHttp mcp = new McpHttp(deployment.toString().replaceAll("/$", "") + "/mcp", tokens.getString("access_token"));
        String session = mcp.initialize("2025-11-25");
        List<String> tools = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").getJsonObject("result")
                .getJsonArray("tools").getValuesAs(JsonObject.class).stream().map(tool -> tool.getString("name")).toList();
        assertTrue(tools.contains("add") && tools.contains("is_prime"), tools.toString());
        assertFalse(tools.contains("factorize") || tools.contains("opened_by_configuration"), "not for machines: " + tools);

        JsonObject refused = call(mcp, session, "factorize", "{\"n\":12}");
        assertTrue(refused.getBoolean("isError"), refused.toString());
        assertEquals("Tool 'factorize' does not accept machine callers: " + client.clientId() + " is a service client (client "
                + "credentials), and this tool is only for people signed in. Ask your administrator to allow it "
                + "(mcp.tool-machine-callers.factorize).", text(refused));
        assertTrue(text(call(mcp, session, "administrators_only", "{}")).contains("does not accept machine callers"),
                "a tool without the attribute refuses machines too");
        JsonObject added = call(mcp, session, "add", "{\"a\":\"0.1\",\"b\":\"0.2\"}");
        assertFalse(added.getBoolean("isError", false), "a normal call right after: " + added);
        assertTrue(text(added).contains("0.3"), added.toString());
    }

    @Test
    void theSecretIsShownOnceAndKeptOnlyAsAHash() throws SQLException {
        OAuthFlow admin = signedInAdministrator();
        Created client = create(admin, "Shown once " + System.nanoTime(), "mcp:call");
        HttpResponse<String> again = admin.open(base + "/admin/clients.xhtml");
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains(client.clientId()), "listed");
        assertTrue(again.body().contains("service (client credentials)"), again.body());
        assertFalse(again.body().contains(client.secret()), "the secret is not shown again");
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement query = connection.prepareStatement("select secret_hash, scope, client_credentials from oauth_client "
                     + "where client_id = ?")) {
            query.setString(1, client.clientId());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals(SecretHash.of(client.secret()), row.getString(1));
                assertEquals("mcp:call", row.getString(2));
                assertTrue(row.getBoolean(3));
            }
        }
        HttpResponse<String> refused = admin.submit(again, Map.of("service:name", " ", "service:scope", "mcp:call"), "service:create");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("A name of 1 to 200 characters is required."), refused.body());
        HttpResponse<String> unknownScope = admin.submit(again, Map.of("service:name", "x", "service:scope", "admin"), "service:create");
        assertTrue(unknownScope.body().contains("Scopes: one or more of mcp:list mcp:call."), unknownScope.body());
        assertFalse(unknownScope.body().contains("created-client-secret"), "nothing created");
    }

    @Test
    void aWrongSecretIsInvalidClientAndAnUnregisteredScopeInvalidScope() {
        Created client = createOnThePage("Wrong secret " + System.nanoTime(), "mcp:call");
        OAuthFlow flow = new OAuthFlow(base);
        HttpResponse<String> wrong = flow.token(Map.of("grant_type", "client_credentials"), client.clientId(), client.secret() + "x");
        assertOAuthError(wrong, 401, "invalid_client");
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), wrong.headers().toString());
        assertOAuthError(flow.token(Map.of("grant_type", "client_credentials", "scope", "mcp:list"), client.clientId(), client.secret()),
                400, "invalid_scope");
        assertOAuthError(flow.token(Map.of("grant_type", "client_credentials", "resource", "https://elsewhere.example/mcp"),
                client.clientId(), client.secret()), 400, "invalid_target");

        // client_secret_post works as well, right after the refusals
        HttpResponse<String> posted = flow.token(Map.of("grant_type", "client_credentials", "client_id", client.clientId(),
                "client_secret", client.secret(), "scope", "mcp:call", "resource", base + "/mcp"));
        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals("mcp:call", Http.json(posted).getString("scope"));
    }

    @Test
    void publicAndDynamicallyRegisteredClientsAreUnauthorizedForTheGrant() {
        OAuthFlow flow = new OAuthFlow(base);
        String publicClient = flow.registerPublicClient("Public " + System.nanoTime());
        assertOAuthError(flow.token(Map.of("grant_type", "client_credentials", "client_id", publicClient)), 400, "unauthorized_client");

        HttpResponse<String> registered = Http.send(HttpRequest.newBuilder(URI.create(base + "/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"redirect_uris\":[\"" + OAuthFlow.REDIRECT_URI + "\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}"))
                .build());
        JsonObject confidential = Http.json(registered);
        assertOAuthError(flow.token(Map.of("grant_type", "client_credentials"), confidential.getString("client_id"),
                confidential.getString("client_secret")), 400, "unauthorized_client");

        HttpResponse<String> asking = Http.send(HttpRequest.newBuilder(URI.create(base + "/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"redirect_uris\":[\"" + OAuthFlow.REDIRECT_URI + "\"],\"grant_types\":[\"client_credentials\"]}")).build());
        assertEquals(400, asking.statusCode(), "dynamic registration cannot create a service client: " + asking.body());
        assertEquals("invalid_client_metadata", Http.json(asking).getString("error"));

        Created service = createOnThePage("After refusals " + System.nanoTime(), "mcp:list");
        assertEquals(200, flow.token(Map.of("grant_type", "client_credentials"), service.clientId(), service.secret()).statusCode(),
                "a service client right after");
    }

    @Test
    void theMetadataAdvertisesTheGrant() {
        JsonObject metadata = Http.json(Http.get(base + "/.well-known/oauth-authorization-server"));
        assertTrue(metadata.getJsonArray("grant_types_supported").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(type -> type.getString().equals("client_credentials")), metadata.toString());
        assertTrue(metadata.getJsonArray("token_endpoint_auth_methods_supported").toString().contains("client_secret_basic"));
    }

    @Test
    void disablingTheServiceClientEndsItsTokensAtOnce() {
        OAuthFlow admin = signedInAdministrator();
        Created client = create(admin, "Disabled service " + System.nanoTime(), "mcp:list mcp:call");
        OAuthFlow flow = new OAuthFlow(base);
        String token = Http.json(flow.token(Map.of("grant_type", "client_credentials"), client.clientId(), client.secret()))
                .getString("access_token");
        assertEquals(200, McpHttp.initializeStatus(base, token));

        HttpResponse<String> page = admin.open(base + "/admin/clients.xhtml");
        HttpResponse<String> disabled = admin.submit(page, Map.of("client", client.clientId()), rowButton(page, client.clientId(), "Disable"));
        assertTrue(disabled.body().contains("Disabled; its grants are revoked."), disabled.body());
        assertEquals(401, McpHttp.initializeStatus(base, token), "its token stops at once");
        assertOAuthError(flow.token(Map.of("grant_type", "client_credentials"), client.clientId(), client.secret()), 401, "invalid_client");

        HttpResponse<String> again = admin.open(base + "/admin/clients.xhtml");
        admin.submit(again, Map.of("client", client.clientId()), rowButton(again, client.clientId(), "Enable"));
        String fresh = Http.json(flow.token(Map.of("grant_type", "client_credentials"), client.clientId(), client.secret()))
                .getString("access_token");
        assertEquals(200, McpHttp.initializeStatus(base, fresh), "enabled again: a new token works");
        assertEquals(401, McpHttp.initializeStatus(base, token), "the old one stays revoked");
    }

    @Test
    void theGrantsPageListsAServiceClientsGrantAndRevokesIt() {
        OAuthFlow admin = signedInAdministrator();
        String name = "Nightly report " + System.nanoTime();
        Created client = create(admin, name, "mcp:list mcp:call");
        String token = Http.json(new OAuthFlow(base).token(Map.of("grant_type", "client_credentials"), client.clientId(), client.secret()))
                .getString("access_token");

        HttpResponse<String> grants = admin.open(base + "/admin/grants.xhtml");
        String body = grants.body();
        int listed = body.indexOf("<span class=\"grant-client\">" + name + "</span>");
        assertTrue(listed >= 0, "the service client's grant is listed, newest first: " + body);
        int row = body.lastIndexOf("<tr", listed);
        assertTrue(body.substring(row, listed).contains("<span class=\"grant-user\">(service client)</span>"),
                "held by the client itself, no user: " + body.substring(row, listed));

        int form = body.indexOf("<form", listed);
        Matcher grant = Pattern.compile("name=\"grant\" value=\"(\\d+)\"").matcher(body.substring(form));
        assertTrue(grant.find(), body.substring(form));
        String rowForm = body.substring(form, body.indexOf("</form>", form));
        Matcher button = Pattern.compile("name=\"([^\"]+)\"[^>]*value=\"Revoke\"").matcher(rowForm);
        assertTrue(button.find(), rowForm);
        HttpResponse<String> revoked = admin.submitFormAround(grants, "name=\"grant\" value=\"" + grant.group(1) + "\"",
                Map.of("grant", grant.group(1)), button.group(1));
        assertTrue(revoked.body().contains("Revoked; its tokens no longer work."), revoked.body());
        assertEquals(401, McpHttp.initializeStatus(base, token), "its token stops at once");
    }

    private Created createOnThePage(String name, String scope) {
        return create(signedInAdministrator(), name, scope);
    }

    private OAuthFlow signedInAdministrator() {
        OAuthFlow admin = new OAuthFlow(base);
        admin.follow(admin.signIn(admin.follow(admin.open(base + "/login.xhtml")), "admin", TestServer.adminPassword()));
        return admin;
    }

    private Created create(OAuthFlow admin, String name, String scope) {
        HttpResponse<String> page = admin.open(base + "/admin/clients.xhtml");
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> created = admin.submit(page, Map.of("service:name", name, "service:scope", scope), "service:create");
        assertTrue(created.body().contains("Copy its secret now: it is shown only this once."), created.body());
        return new Created(group(CREATED_ID, created.body()), group(CREATED_SECRET, created.body()));
    }

    /** The name of a row's button, as a browser sends it when the administrator presses it. */
    private static String rowButton(HttpResponse<String> page, String clientId, String label) {
        String body = page.body();
        int row = body.indexOf("value=\"" + clientId + "\"");
        assertTrue(row >= 0, "no row for " + clientId);
        Matcher button = Pattern.compile("name=\"([^\"]+)\"[^>]*value=\"" + label + "\"")
                .matcher(body.substring(row, body.indexOf("</form>", row)));
        assertTrue(button.find(), "no " + label + " button on the row of " + clientId);
        return button.group(1);
    }

    private static String group(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertTrue(matcher.find(), pattern + " in " + body);
        return matcher.group(1);
    }

    private static JsonObject call(McpHttp mcp, String session, String tool, String arguments) {
        return mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}").getJsonObject("result");
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, Http.json(response).getString("error"), response.body());
    }

    private static long auditRows(String type, String actor) throws SQLException {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement query = connection.prepareStatement("select count(*) from audit_event where type = ? and actor = ?")) {
            query.setString(1, type);
            query.setString(2, actor);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
