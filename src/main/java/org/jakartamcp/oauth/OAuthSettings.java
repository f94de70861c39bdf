package org.jakartamcp.oauth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The authorization server's configuration (MicroProfile Config; see README "Configuration"). */
@ApplicationScoped
public class OAuthSettings {

    @Inject
    Config config;

    private static final Logger LOG = Logger.getLogger(OAuthSettings.class.getName());

    /** Lets a client list tools, resources and prompts. */
    public static final String SCOPE_LIST = "mcp:list";
    /** Lets a client call tools. */
    public static final String SCOPE_CALL = "mcp:call";
    public static final List<String> SCOPES = List.of(SCOPE_LIST, SCOPE_CALL);

    @Inject
    @ConfigProperty(name = "oauth.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "oauth.access-token-seconds", defaultValue = "300")
    long accessTokenSeconds;

    /**
     * How far the clocks of this server's instances may differ: the leeway the access-token check allows
     * on expiry, not-before and issue time. The name is MicroProfile JWT's standard property for the same
     * leeway, which operators of a MicroProfile server look for.
     */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
    long clockSkewSeconds;

    /** How many verified access tokens are remembered (until each expires), so that a request with one is not verified again. */
    @Inject
    @ConfigProperty(name = "oauth.verified-tokens-max", defaultValue = "10000")
    int verifiedTokensMax;

    /** Longer bearer tokens are refused unread: this server's are about 1 KiB, and each remembered one costs its length. */
    @Inject
    @ConfigProperty(name = "oauth.access-token-max-length", defaultValue = "8192")
    int accessTokenMaxLength;

    @Inject
    @ConfigProperty(name = "oauth.refresh-token-days", defaultValue = "30")
    long refreshTokenDays;

    /**
     * How long a rotated refresh token may still be presented (a retry after a lost answer, a second process
     * refreshing at the same moment) and get the same new pair, as long as that new refresh token is unused.
     * 0: strict rotation, any second use revokes the grant.
     */
    @Inject
    @ConfigProperty(name = "oauth.refresh-grace-seconds", defaultValue = "60")
    long refreshGraceSeconds;

    @Inject
    @ConfigProperty(name = "oauth.code-seconds", defaultValue = "60")
    long codeSeconds;

    @Inject
    @ConfigProperty(name = "oauth.signing-key-days", defaultValue = "30")
    long signingKeyDays;

    /** How long after their last sign-in at the identity provider or proxy the clients of such a user keep getting tokens. */
    @Inject
    @ConfigProperty(name = "auth.sso-session-days", defaultValue = "7")
    long ssoSessionDays;

    /** Private-use URI schemes (RFC 8252 7.1) accepted in redirect URIs besides https and loopback http, e.g. "cursor". */
    /** oauth.allowed-redirect-schemes (read through Config: injecting Optional<List<String>> is not portable, Payara refuses it). */
    Optional<List<String>> allowedRedirectSchemes;

    @PostConstruct
    void readLists() {
        allowedRedirectSchemes = config.getOptionalValues("oauth.allowed-redirect-schemes", String.class);
    }

    /**
     * Says at start, loudly, what is wrong with the configured public address: tokens name it as their
     * issuer and audience, and clients compare it exactly as written, so a trailing slash or a path-less typo
     * would make every token fail with nothing but 401s to show for it.
     */
    void checkIssuer(@Observes @Initialized(ApplicationScoped.class) Object started) {
        issuerProblem(issuer).ifPresent(problem -> LOG.severe("OAUTH_ISSUER (oauth.issuer) " + problem + ": " + issuer));
    }

    static Optional<String> issuerProblem(String issuer) {
        if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            return Optional.of("must be the http(s) URL clients reach this server at");
        }
        if (issuer.endsWith("/")) {
            return Optional.of("must not end with '/' (clients compare the issuer exactly)");
        }
        if (issuer.contains("?") || issuer.contains("#")) {
            return Optional.of("must not have a query or fragment");
        }
        return Optional.empty();
    }

    /** The issuer identifier: the base URL of this server as clients reach it, without a trailing slash. */
    public String issuer() {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    public Duration accessTokenLifetime() {
        return Duration.ofSeconds(accessTokenSeconds);
    }

    /** The leeway on a token's expiry when it is checked. */
    public Duration clockSkew() {
        return Duration.ofSeconds(Math.max(0, clockSkewSeconds));
    }

    /**
     * How long after it is issued an access token may still be accepted somewhere: its lifetime plus the
     * skew the check allows, plus the skew again for the clock of the instance that recorded a revocation.
     * Whatever must outlive every token issued before a moment (a revoked grant) is kept at least this long.
     */
    public Duration accessTokenAcceptance() {
        return accessTokenLifetime().plus(clockSkew().multipliedBy(2));
    }

    public int verifiedTokensMax() {
        return Math.max(0, verifiedTokensMax);
    }

    public int accessTokenMaxLength() {
        return accessTokenMaxLength;
    }

    public Duration refreshTokenLifetime() {
        return Duration.ofDays(refreshTokenDays);
    }

    /**
     * The refresh grace period, at most the access token lifetime: a retry is answered with the access token
     * already issued, which must still be valid.
     */
    public Duration refreshGrace() {
        return Duration.ofSeconds(Math.max(0, Math.min(refreshGraceSeconds, accessTokenSeconds)));
    }

    public Duration codeLifetime() {
        return Duration.ofSeconds(codeSeconds);
    }

    /** How long a key signs before a new one replaces it. */
    public Duration signingKeyLifetime() {
        return Duration.ofDays(signingKeyDays);
    }

    public Duration ssoSessionLifetime() {
        return Duration.ofDays(ssoSessionDays);
    }

    public List<String> allowedRedirectSchemes() {
        return allowedRedirectSchemes.orElse(List.of());
    }
}
