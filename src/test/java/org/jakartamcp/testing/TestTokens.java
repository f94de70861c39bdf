package org.jakartamcp.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens for the tests that exercise MCP itself rather than sign-in: obtained once per
 * server through the real flow (registration, sign-in and consent pages, token endpoint), and
 * again when close to expiry. Requests to the MCP endpoints get one unless they carry their own
 * Authorization header. Or minted here with the server's own signing key (read from its
 * database), for tests of clients that would otherwise sign in once more.
 */
public final class TestTokens {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(4);
    private static final Set<String> MCP_ENDPOINTS = Set.of("mcp", "sse", "message");
    private static final Map<String, Token> TOKENS = new HashMap<>();

    private record Token(String value, long obtainedAt) {
    }

    private TestTokens() {
    }

    /** A bearer access token for {@code /mcp} of the server at this base URL (scheme, host and port). */
    public static String bearer(String base) {
        return bearer(base, "mcp");
    }

    /** A bearer access token for one endpoint ("mcp" or "sse"): each is its own resource (RFC 8707). */
    public static synchronized String bearer(String base, String endpoint) {
        String key = base + "/" + endpoint;
        Token token = TOKENS.get(key);
        if (token == null || System.nanoTime() - token.obtainedAt() > RENEW_AFTER.toNanos()) {
            token = new Token(new OAuthFlow(base).tokensFor(key).getString("access_token"), System.nanoTime());
            TOKENS.put(key, token);
        }
        return token.value();
    }

    /**
     * An access token for the test administrator and one endpoint ("mcp" or "sse"), as the token
     * endpoint issues one, signed here with the server's current key: valid five minutes.
     */
    public static String minted(String base, String endpoint) {
        return sign(signingKey(), claims(base, endpoint).build());
    }

    /** The claims {@link #minted} signs, for a test that forges a token by changing one of them. */
    public static JWTClaimsSet.Builder claims(String base, String endpoint) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(base).subject("1").audience(base + "/" + endpoint).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString())
                .claim("upn", "admin").claim("scope", "mcp:list mcp:call").claim("groups", List.of("mcp:list", "mcp:call"))
                .claim("gid", 0);
    }

    /** Signs the claims as an access token ({@code typ: at+jwt}) with this key. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The test server's current signing key, private part included, from its database. */
    public static RSAKey signingKey() {
        try (Connection connection = TestDatabase.shared().connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select private_jwk from oauth_signing_key where retired_at is null "
                     + "order by created_at desc limit 1")) {
            if (!row.next()) {
                throw new AssertionError("the server has no signing key");
            }
            return RSAKey.parse(row.getString(1));
        } catch (SQLException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with a token added when it goes to an MCP endpoint and has no Authorization header yet. */
    static HttpRequest authorized(HttpRequest request) {
        URI uri = request.uri();
        String path = uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!MCP_ENDPOINTS.contains(last) || request.headers().firstValue("Authorization").isPresent()) {
            return request;
        }
        String base = uri.getScheme() + "://" + uri.getAuthority();
        String endpoint = "mcp".equals(last) ? "mcp" : "sse";
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + bearer(base, endpoint)).build();
    }
}
