package org.jakartamcp.identity.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.net.URL;

/**
 * How this server reaches an identity provider it trusts: its discovery document and its signing keys,
 * over bounded HTTP (time and size), https only except on this machine. The keys are cached (nimbus'
 * JWK source: fetched again for an unknown key id, at most so often, and served from the cache when the
 * provider is briefly down). Shared by the company sign-in and the enterprise identity assertions.
 */
public final class IssuerKeys {

    static final int TIMEOUT_MILLIS = 5_000;
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private IssuerKeys() {
    }

    /** The provider's signing keys at this address, fetched when first needed and cached. */
    public static JWKSource<SecurityContext> at(URL jwks) {
        return JWKSourceBuilder.<SecurityContext>create(jwks,
                new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_RESPONSE_BYTES)).build();
    }

    /** The provider's OpenID Connect discovery document; its issuer must be the one asked for. */
    public static OIDCProviderMetadata discover(String issuer) throws GeneralException, IOException {
        return OIDCProviderMetadata.resolve(new Issuer(requireSecure(issuer)), IssuerKeys::bound);
    }

    static void bound(HTTPRequest http) {
        http.setConnectTimeout(TIMEOUT_MILLIS);
        http.setReadTimeout(TIMEOUT_MILLIS);
    }

    /** https, except for a provider on this machine (development, tests). */
    public static String requireSecure(String url) {
        URI uri = URI.create(url);
        boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException("an identity provider's address must be an https URL (http only on localhost): " + url);
        }
        return url;
    }
}
