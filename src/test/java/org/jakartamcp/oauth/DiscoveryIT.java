package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The metadata clients read before they sign a user in, and the keys that verify tokens. */
class DiscoveryIT {

    private final String base = TestServer.awaitReady();

    @Test
    void authorizationServerMetadataNamesTheEndpointsAndRequiresS256() {
        JsonObject metadata = Http.json(Http.get(base + "/.well-known/oauth-authorization-server"));
        assertEquals(base, metadata.getString("issuer"));
        assertEquals(base + "/authorize", metadata.getString("authorization_endpoint"));
        assertEquals(base + "/token", metadata.getString("token_endpoint"));
        assertEquals(base + "/register", metadata.getString("registration_endpoint"));
        assertEquals(base + "/jwks", metadata.getString("jwks_uri"));
        assertEquals(List.of("S256"), strings(metadata, "code_challenge_methods_supported"));
        assertTrue(metadata.getBoolean("authorization_response_iss_parameter_supported"));
        assertEquals(List.of("mcp:list", "mcp:call", "mcp:admin"), strings(metadata, "scopes_supported"), "the tools' scopes too");
    }

    @Test
    void eachMcpEndpointHasProtectedResourceMetadataThatNamesItself() {
        for (String path : List.of("mcp", "sse")) {
            JsonObject metadata = Http.json(Http.get(base + "/.well-known/oauth-protected-resource/" + path));
            assertEquals(base + "/" + path, metadata.getString("resource"), "same origin and path as the endpoint");
            assertEquals(List.of(base), strings(metadata, "authorization_servers"));
            assertEquals(List.of("header"), strings(metadata, "bearer_methods_supported"));
        }
        assertEquals(base + "/mcp", Http.json(Http.get(base + "/.well-known/oauth-protected-resource")).getString("resource"));
        assertEquals(404, Http.get(base + "/.well-known/oauth-protected-resource/other").statusCode());
    }

    @Test
    void jwksPublishesPublicKeysOnly() {
        HttpResponse<String> response = Http.get(base + "/jwks");
        assertEquals(200, response.statusCode());
        JsonObject key = Http.json(response).getJsonArray("keys").getJsonObject(0);
        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertTrue(key.containsKey("kid"));
        for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(key.containsKey(privatePart), "no private part: " + key);
        }
    }

    @Test
    void browserClientsMayReadDiscoveryFromAnyOrigin() {
        HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(URI.create(base + "/.well-known/oauth-authorization-server"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://inspector.example")
                .header("Access-Control-Request-Method", "GET").build());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null), preflight.headers().toString());
        HttpResponse<String> get = Http.send(HttpRequest.newBuilder(URI.create(base + "/.well-known/oauth-protected-resource/mcp"))
                .header("Origin", "https://inspector.example").build());
        assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        for (String endpoint : List.of("/token", "/register", "/revoke")) {
            HttpResponse<String> tokenPreflight = Http.send(HttpRequest.newBuilder(URI.create(base + endpoint))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://inspector.example")
                    .header("Access-Control-Request-Method", "POST").build());
            assertEquals("*", tokenPreflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null), endpoint);
            assertTrue(tokenPreflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"), endpoint);
        }
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString::getString);
    }
}
