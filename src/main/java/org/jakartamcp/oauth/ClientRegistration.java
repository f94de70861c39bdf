package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.security.SecretHash;

/** Dynamic client registration (RFC 7591): checks a client's metadata and stores the client. */
@ApplicationScoped
public class ClientRegistration {

    static final int MAX_REDIRECT_URIS = 10;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_REDIRECT_URIS_LENGTH = 8000;
    private static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_basic", "client_secret_post");
    private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");

    @Inject
    ClientRepository clients;

    @Inject
    OAuthSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    SupportedScopes supportedScopes;

    private final Clock clock = Clock.systemUTC();

    /** A new client, and its secret when it is a confidential client: the only time the secret is seen. */
    public record Registered(OAuthClient client, String secret) {
    }

    public Registered register(JsonObject metadata) {
        List<String> redirectUris = redirectUris(metadata.get("redirect_uris"));
        String method = optionalString(metadata, "token_endpoint_auth_method", 32);
        method = method == null ? "client_secret_basic" : method;
        if (!AUTH_METHODS.contains(method)) {
            throw OAuthException.invalidClientMetadata("token_endpoint_auth_method must be one of none, client_secret_basic, "
                    + "client_secret_post");
        }
        checkSubset(metadata.get("grant_types"), "grant_types", GRANT_TYPES);
        checkSubset(metadata.get("response_types"), "response_types", Set.of("code"));
        String scope = optionalString(metadata, "scope", 1000);
        if (scope != null && !supportedScopes.all().containsAll(Arrays.asList(scope.trim().split(" +")))) {
            throw new OAuthException("invalid_client_metadata", "scope may contain only " + String.join(" ", supportedScopes.all()));
        }
        String name = optionalString(metadata, "client_name", MAX_NAME_LENGTH);
        String clientUri = optionalString(metadata, "client_uri", RedirectUris.MAX_LENGTH);
        if (clientUri != null && !clientUri.startsWith("https://") && !clientUri.startsWith("http://")) {
            throw OAuthException.invalidClientMetadata("client_uri must be an http(s) URL");
        }
        String secret = OAuthClient.PUBLIC.equals(method) ? null : SecretHash.newSecret();
        OAuthClient client = new OAuthClient(SecretHash.newSecret(), secret == null ? null : SecretHash.of(secret), name,
                clientUri, redirectUris, method, scope, OffsetDateTime.now(clock));
        clients.insert(client);
        audit.record(AuditTrail.CLIENT_REGISTERED, "anonymous", "client " + client.clientId() + " (" + name + "), "
                + method + ", redirect URIs " + String.join(" ", redirectUris));
        return new Registered(client, secret);
    }

    /** The redirect URIs of client metadata, checked against the rules for them. */
    List<String> redirectUris(JsonValue value) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new OAuthException("invalid_redirect_uri", "redirect_uris must be a non-empty array of URIs");
        }
        if (array.size() > MAX_REDIRECT_URIS) {
            throw new OAuthException("invalid_redirect_uri", "at most " + MAX_REDIRECT_URIS + " redirect URIs");
        }
        List<String> uris = new ArrayList<>();
        for (JsonValue element : array) {
            if (!(element instanceof JsonString uri)) {
                throw new OAuthException("invalid_redirect_uri", "redirect_uris must contain strings");
            }
            String problem = RedirectUris.problem(uri.getString(), settings.allowedRedirectSchemes());
            if (problem != null) {
                throw new OAuthException("invalid_redirect_uri", problem);
            }
            uris.add(uri.getString());
        }
        if (String.join("\n", uris).length() > MAX_REDIRECT_URIS_LENGTH) {
            throw new OAuthException("invalid_redirect_uri", "the redirect URIs together are longer than " + MAX_REDIRECT_URIS_LENGTH
                    + " characters");
        }
        return uris;
    }

    static String optionalString(JsonObject metadata, String name, int maxLength) {
        JsonValue value = metadata.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string) || string.getString().isBlank() || string.getString().length() > maxLength) {
            throw OAuthException.invalidClientMetadata(name + " must be a string of 1 to " + maxLength + " characters");
        }
        return string.getString();
    }

    private static void checkSubset(JsonValue value, String name, Set<String> supported) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (!(value instanceof JsonArray array) || array.size() > 10) {
            throw OAuthException.invalidClientMetadata(name + " must be an array");
        }
        for (JsonValue element : array) {
            if (!(element instanceof JsonString string) || !supported.contains(string.getString())) {
                throw OAuthException.invalidClientMetadata(name + " may contain only " + String.join(", ", supported.stream().sorted().toList()));
            }
        }
    }
}
