package org.jakartamcp.oauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jakartamcp.oauth.AuthorizationError;
import org.jakartamcp.oauth.IdentityAssertionValidator;
import org.jakartamcp.oauth.OAuthException;
import org.jakartamcp.oauth.PlainOAuth;
import org.jakartamcp.testing.Fuzzing;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for what the authorization server parses from anyone: the form bodies of /token and
 * /revoke with client authentication, the parameters of /authorize, the JSON of /register, and client
 * metadata documents. Every input must end in a value or an {@link OAuthException} with a 4xx status
 * ({@link AuthorizationError} among them), which the endpoints turn into OAuth error responses.
 */
class OAuthFuzzTest {

    private static final PlainOAuth OAUTH = new PlainOAuth();
    private static final String DOCUMENT_URL = "https://app.example.com/oauth/client.json";
    /** Trusts one issuer, whose keys are none: every assertion that gets as far as its signature is refused there. */
    private static final IdentityAssertionValidator ASSERTIONS = new IdentityAssertionValidator(
            issuer -> "https://idp.example.com".equals(issuer) ? Optional.of(new ImmutableJWKSet<>(new JWKSet())) : Optional.empty(),
            PlainOAuth.ISSUER, List.of(PlainOAuth.ISSUER + "/mcp"), List.of("mcp:list", "mcp:call")::contains, Duration.ofSeconds(30), Duration.ofMinutes(10), Clock.systemUTC());

    /** POST /token and /revoke up to the database: the form, the grant type, the client's credentials. */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"grant_type=", "authorization_code", "refresh_token", "client_id=", "client_secret=", "token=", "code=",
            "code_verifier=", "redirect_uri=", "scope=", "%", "%2", "+", "&", "=", PlainOAuth.CLIENT, PlainOAuth.CONFIDENTIAL_CLIENT,
            PlainOAuth.SECRET, "Basic ", "ZnV6ei1jb25maWRlbnRpYWwtY2xpZW50OmZ1enotc2VjcmV0"})
    void form(FuzzedDataProvider data) {
        String authorization = data.consumeBoolean() ? null : data.consumeBoolean() ? "Basic " + data.consumeString(200)
                : data.consumeString(200);
        byte[] body = data.consumeRemainingAsBytes();
        Fuzzing.withinTimeBound("a form of " + body.length + " bytes", () -> refusedOrDone(() -> {
            Map<String, String> form = FormParameters.read(new ByteArrayInputStream(body));
            if (form.get("grant_type") == null && form.get("token") == null) {
                throw OAuthException.invalidRequest("grant_type is required");
            }
            OAUTH.authenticate(authorization, form::get);
        }));
    }

    /**
     * The assertion of the jwt-bearer grant (an ID-JAG), up to its signature: the JWT's parts (mostly a fuzzed header and
     * claims, base64url-encoded as a client would send them, else the raw string), the header, the issuer.
     */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"{\"typ\":\"oauth-id-jag+jwt\",\"alg\":\"RS256\"}", "{\"iss\":\"https://idp.example.com\"}", "\"typ\"",
            "\"oauth-id-jag+jwt\"", "\"application/oauth-id-jag+jwt\"", "\"alg\"", "\"RS256\"", "\"ES256\"", "\"HS256\"", "\"none\"",
            "\"kid\"", "\"crit\"", "\"iss\"", "\"aud\"", "\"exp\"", "\"iat\"", "\"https://idp.example.com\"", "[", "{", "1e99999"})
    void assertion(FuzzedDataProvider data) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String assertion = data.consumeBoolean()
                ? base64.encodeToString(data.consumeString(300).getBytes(StandardCharsets.UTF_8)) + "."
                        + base64.encodeToString(data.consumeString(1000).getBytes(StandardCharsets.UTF_8)) + "."
                        + base64.encodeToString(data.consumeRemainingAsBytes())
                : data.consumeRemainingAsString();
        Fuzzing.withinTimeBound("an assertion of " + assertion.length() + " characters", () -> refusedOrDone(
                () -> ASSERTIONS.validate(assertion, PlainOAuth.CLIENT)));
    }

    /** GET /authorize: its parameters, each absent, fuzzed or a valid one, and the document of a client_id URL. */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"https://", "http://127.0.0.1", "http://localhost:", "http://[::1]", "cursor://", "/callback", "?x=1", "#",
            "S256", "plain", "code", "mcp:list", "mcp:call", "https://mcp.example.com/mcp", "\"redirect_uris\"", "\"client_id\"",
            DOCUMENT_URL})
    void authorize(FuzzedDataProvider data) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("client_id", choose(data, PlainOAuth.CLIENT, PlainOAuth.NATIVE_CLIENT, DOCUMENT_URL));
        parameters.put("redirect_uri", choose(data, "https://app.example.com/callback?x=1", "http://127.0.0.1:50123/callback",
                "cursor://anysphere.cursor-retrieval/oauth/callback"));
        parameters.put("response_type", choose(data, "code", "token", "code"));
        parameters.put("code_challenge", choose(data, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "short", ""));
        parameters.put("code_challenge_method", choose(data, "S256", "plain", "S256"));
        parameters.put("scope", choose(data, "mcp:list", "mcp:list mcp:call", "openid"));
        parameters.put("resource", choose(data, PlainOAuth.ISSUER + "/mcp", PlainOAuth.ISSUER + "/sse", "https://other.example.com"));
        parameters.put("state", choose(data, "xyz", "a b&c=d", ""));
        String document = data.consumeBoolean() ? "{\"client_id\":\"" + DOCUMENT_URL + "\",\"redirect_uris\":[\"http://127.0.0.1/callback\"]}"
                : data.consumeRemainingAsString();
        Fuzzing.withinTimeBound("authorize " + parameters, () -> refusedOrDone(() -> {
            try {
                OAUTH.authorize(parameters::get, document);
            } catch (AuthorizationError error) {
                if (error.redirectUri() != null) {
                    // what AuthorizeResource does with an error it may send back to the client
                    URI.create(OAUTH.errorRedirect(error));
                }
                throw error;
            }
        }));
    }

    /** POST /register: the body as JSON, then the client metadata (RFC 7591). */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"\"redirect_uris\"", "\"token_endpoint_auth_method\"", "\"none\"", "\"client_secret_post\"", "\"grant_types\"",
            "\"authorization_code\"", "\"refresh_token\"", "\"response_types\"", "\"code\"", "\"scope\"", "\"mcp:list mcp:call\"",
            "\"client_name\"", "\"client_uri\"", "\"https://app.example.com/cb\"", "\"http://127.0.0.1/cb\"", "\"cursor://cb\"", "null"})
    void register(byte[] body) {
        Fuzzing.withinTimeBound("a registration of " + body.length + " bytes", () -> refusedOrDone(
                () -> OAUTH.register(OAuthJson.object(new ByteArrayInputStream(body)))));
    }

    /** A client ID metadata document, as fetched from the client_id URL. */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"\"client_id\"", "\"" + DOCUMENT_URL + "\"", "\"redirect_uris\"", "\"token_endpoint_auth_method\"", "\"none\"",
            "\"client_secret\"", "\"client_name\"", "\"client_uri\"", "\"http://127.0.0.1/cb\"", "\"https://app.example.com/cb\""})
    void metadataDocument(FuzzedDataProvider data) {
        String url = data.consumeBoolean() ? DOCUMENT_URL : data.consumeString(300);
        String body = data.consumeRemainingAsString();
        Fuzzing.withinTimeBound("a document of " + body.length() + " characters", () -> refusedOrDone(
                () -> OAUTH.metadataDocument(url, body)));
    }

    /** The parser's BigDecimal refuses such an exponent with a NumberFormatException, which was a 500 (found by McpFuzzTest). */
    @Test
    void aNumberWithAnExponentBeyondAnIntIsRefusedLikeOtherBadJson() {
        OAuthException registration = assertThrows(OAuthException.class,
                () -> OAuthJson.object(new ByteArrayInputStream("{\"redirect_uris\":[],\"n\":1e99999999999}".getBytes(StandardCharsets.UTF_8))));
        assertEquals("invalid_client_metadata", registration.error());
        AuthorizationError document = assertThrows(AuthorizationError.class, () -> OAUTH.metadataDocument(DOCUMENT_URL,
                "{\"client_id\":\"" + DOCUMENT_URL + "\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"n\":1e-99999999999}"));
        assertEquals("This client cannot be used: its client metadata document is not a JSON object", document.getMessage());
        assertEquals(DOCUMENT_URL, OAUTH.metadataDocument(DOCUMENT_URL,
                "{\"client_id\":\"" + DOCUMENT_URL + "\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"n\":1e999999999}").clientId());
    }

    /** Absent, fuzzed, or one of the given values (the fuzzer rarely finds a valid PKCE challenge by itself). */
    private static String choose(FuzzedDataProvider data, String... values) {
        return switch (data.consumeInt(0, 2)) {
            case 0 -> null;
            case 1 -> data.consumeString(300);
            default -> data.pickValue(values);
        };
    }

    /** Runs one request's checks; an OAuth error is the expected refusal, anything else escapes as a finding. */
    private static void refusedOrDone(Runnable request) {
        try {
            request.run();
        } catch (OAuthException refused) {
            if (refused.status() < 400 || refused.status() > 499) {
                throw new AssertionError("HTTP " + refused.status() + " for a client's input: " + refused.getMessage(), refused);
            }
        }
    }
}
