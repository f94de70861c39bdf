package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Dynamic client registration (RFC 7591) at {@code /register}. */
class ClientRegistrationIT {

    private final String base = TestServer.awaitReady();

    @Test
    void aPublicClientGetsAnIdAndNoSecret() {
        HttpResponse<String> response = register("{\"redirect_uris\":[\"http://localhost:6274/oauth/callback\"],"
                + "\"token_endpoint_auth_method\":\"none\",\"client_name\":\"MCP Inspector\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"]}");
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        JsonObject client = Http.json(response);
        assertEquals(43, client.getString("client_id").length());
        assertFalse(client.containsKey("client_secret"));
        assertEquals("none", client.getString("token_endpoint_auth_method"));
        assertEquals("MCP Inspector", client.getString("client_name"));
        assertEquals("http://localhost:6274/oauth/callback", client.getJsonArray("redirect_uris").getString(0));
    }

    @Test
    void aConfidentialClientsSecretIsShownOnceAndStoredOnlyAsAHash() throws SQLException {
        JsonObject client = Http.json(register("{\"redirect_uris\":[\"https://client.example/cb\"],\"client_name\":\"Web app\"}"));
        String secret = client.getString("client_secret");
        assertEquals(43, secret.length());
        assertEquals("client_secret_basic", client.getString("token_endpoint_auth_method"), "the RFC 7591 default");
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement select = connection.prepareStatement("select secret_hash from oauth_client where client_id = ?")) {
            select.setString(1, client.getString("client_id"));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals(64, row.getString(1).length());
                assertNotEquals(secret, row.getString(1));
                assertEquals(org.jakartamcp.platform.security.SecretHash.of(secret), row.getString(1));
            }
        }
    }

    @Test
    void badRedirectUrisAreRefusedWithInvalidRedirectUri() {
        assertError("{\"redirect_uris\":[\"http://client.example/cb\"]}", "invalid_redirect_uri", "must use https");
        assertError("{\"redirect_uris\":[]}", "invalid_redirect_uri", "non-empty array");
        assertError("{\"client_name\":\"no redirect\"}", "invalid_redirect_uri", "non-empty array");
        assertError("{\"redirect_uris\":[\"https://c.example/cb#frag\"]}", "invalid_redirect_uri", "without a fragment");
    }

    @Test
    void badMetadataIsRefusedWithInvalidClientMetadata() {
        String uris = "\"redirect_uris\":[\"https://c.example/cb\"]";
        assertError("{" + uris + ",\"token_endpoint_auth_method\":\"private_key_jwt\"}", "invalid_client_metadata",
                "token_endpoint_auth_method must be one of");
        assertError("{" + uris + ",\"grant_types\":[\"implicit\"]}", "invalid_client_metadata", "grant_types may contain only");
        assertError("{" + uris + ",\"scope\":\"admin\"}", "invalid_client_metadata", "scope may contain only");
        assertError("{" + uris + ",\"client_name\":\"" + "x".repeat(201) + "\"}", "invalid_client_metadata", "1 to 200 characters");
        assertError("[1,2]", "invalid_client_metadata", "must be a JSON object");
        assertError("{not json", "invalid_client_metadata", "must be a JSON object");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsParsed() {
        HttpResponse<String> response = register("{\"client_name\":\"" + "x".repeat(20_000) + "\"}");
        assertEquals(413, response.statusCode());
        assertEquals("invalid_request", Http.json(response).getString("error"));
    }

    private void assertError(String body, String error, String descriptionPart) {
        HttpResponse<String> response = register(body);
        assertEquals(400, response.statusCode(), response.body());
        JsonObject json = Http.json(response);
        assertEquals(error, json.getString("error"), response.body());
        assertTrue(json.getString("error_description").contains(descriptionPart), response.body());
    }

    private HttpResponse<String> register(String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + "/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
