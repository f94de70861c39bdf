package org.jakartamcp.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The company's OpenID Connect provider for the tests: NAV's mock-oauth2-server, a real provider on
 * real HTTP (discovery, authorization endpoint, token endpoint, JWKS, RS256-signed ID tokens with the
 * nonce), started once in the test JVM on the port the test server's root application is configured
 * with. It stands in for the company's provider, which a test cannot run; it accepts any client
 * secret, and signs in whoever the test says is next, without a login form. As the company's enterprise
 * identity provider (issuer {@value #ENTERPRISE_ID}) it issues ID-JAGs for Enterprise-Managed Authorization
 * through its issuing API: the policy decision a real provider makes at token exchange is the test's.
 */
public final class CompanyIdentityProvider {

    static final String ISSUER_ID = "company";
    /** The issuer the test server trusts for ID-JAGs (oauth.id-jag.issuers). */
    public static final String ENTERPRISE_ID = "enterprise";
    private static MockOAuth2Server server;

    private CompanyIdentityProvider() {
    }

    public static synchronized String issuer() {
        if (server == null) {
            MockOAuth2Server started = new MockOAuth2Server(new OAuth2Config());
            try {
                started.start(InetAddress.getByName("127.0.0.1"), Integer.getInteger("test.oidc.port", 9790));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
            server = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
        }
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The next sign-in at the provider is this person, with these groups; returns the stable subject it will report. */
    public static String nextSignIn(String username, String name, List<String> groups) {
        return nextSignIn(username, name, groups, Map.of());
    }

    /** As above, with ID token claims of the provider's own replaced (aud, nonce, ...), as a broken or hostile provider would. */
    public static String nextSignIn(String username, String name, List<String> groups, Map<String, Object> replacedClaims) {
        return nextSignInAs(UUID.randomUUID().toString(), username, name, groups, replacedClaims);
    }

    /** The next sign-in is the person with this subject (someone who signed in before, say, with other groups now). */
    public static String nextSignInAs(String subject, String username, String name, List<String> groups, Map<String, Object> replacedClaims) {
        issuer();
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("preferred_username", username, "name", name, "groups", groups));
        claims.putAll(replacedClaims);
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600));
        return subject;
    }

    /**
     * An ID-JAG signed by the issuer {@code issuerId}'s key, for {@code subject}: header typ, aud and lifetime (negative: expired that
     * long ago) as given, with the claims (client_id, resource, scope, preferred_username, groups ...); iat is now, jti new.
     */
    public static String assertion(String issuerId, String subject, String typ, String audience, Map<String, Object> claims,
                                   long lifetimeSeconds) {
        issuer();
        return server.issueToken(issuerId, String.valueOf(claims.get("client_id")),
                new DefaultOAuth2TokenCallback(issuerId, subject, typ, List.of(audience), claims, lifetimeSeconds)).serialize();
    }

    /** The identifier of one of the provider's issuers (each signs with keys of its own), the provider started first. */
    public static String issuerOf(String issuerId) {
        issuer();
        return server.issuerUrl(issuerId).toString();
    }
}
