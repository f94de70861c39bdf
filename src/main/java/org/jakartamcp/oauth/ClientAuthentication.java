package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * Who is calling the token or revocation endpoint: a public client by its client_id, a
 * confidential one by client_secret_basic or client_secret_post, compared in constant time.
 */
@ApplicationScoped
public class ClientAuthentication {

    @Inject
    ClientRepository clients;

    /**
     * @param authorization the Authorization header, or null
     * @param parameter     the form parameters
     */
    public OAuthClient authenticate(String authorization, Function<String, String> parameter) {
        String clientId = parameter.apply("client_id");
        String secret = parameter.apply("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = basic(authorization.substring(6).trim());
            if (clientId != null && !clientId.equals(credentials[0])) {
                throw invalidClient("client_id and the Authorization header name different clients");
            }
            clientId = credentials[0];
            secret = credentials[1];
        }
        if (clientId == null || clientId.isEmpty() || clientId.length() > 512) {
            throw invalidClient("Client authentication failed: no client_id");
        }
        OAuthClient client = clients.find(clientId).filter(found -> !found.isDisabled())
                .orElseThrow(() -> invalidClient("Client authentication failed"));
        if (!client.isPublic() && !org.jakartamcp.platform.security.SecretHash.matches(secret, client.secretHash())) {
            throw invalidClient("Client authentication failed");
        }
        return client;
    }

    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalidClient("Malformed Basic credentials");
            }
            // RFC 6749 2.3.1: client id and secret are form-urlencoded before they are put in the header
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw invalidClient("Malformed Basic credentials");
        }
    }

    static OAuthException invalidClient(String description) {
        return new OAuthException("invalid_client", description, 401);
    }
}
