package org.jakartamcp.oauth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enterprise-Managed Authorization (the MCP extension; ID-JAGs redeemed with the JWT bearer grant): which
 * identity providers are trusted, and how their assertions are read. See README "Enterprise-Managed
 * Authorization".
 */
@ApplicationScoped
public class IdJagSettings {

    @Inject
    Config config;

    /**
     * oauth.id-jag.issuers: each entry an issuer identifier, optionally followed by a space and its JWKS URL
     * (without one, the keys are found through the issuer's OpenID Connect discovery). Read through Config:
     * injecting Optional<List<String>> is not portable, Payara refuses it.
     */
    Optional<List<String>> issuers;

    /** Whether a redeemed assertion also gets a refresh token; without one the client asks its provider for a new assertion. */
    @Inject
    @ConfigProperty(name = "oauth.id-jag.refresh-tokens", defaultValue = "false")
    boolean refreshTokens;

    /** An assertion living longer (exp - iat) is refused: ID-JAGs are short-lived, and each jti is kept until it expires. */
    @Inject
    @ConfigProperty(name = "oauth.id-jag.max-lifetime-seconds", defaultValue = "600")
    long maxLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "oauth.id-jag.username-claim", defaultValue = "preferred_username")
    String usernameClaim;

    @Inject
    @ConfigProperty(name = "oauth.id-jag.name-claim", defaultValue = "name")
    String nameClaim;

    @Inject
    @ConfigProperty(name = "oauth.id-jag.groups-claim", defaultValue = "groups")
    String groupsClaim;

    @PostConstruct
    void readLists() {
        issuers = config.getOptionalValues("oauth.id-jag.issuers", String.class);
    }

    /** The configured entries as written. */
    public List<String> issuers() {
        return issuers.orElse(List.of());
    }

    public boolean enabled() {
        return !issuers().isEmpty();
    }

    public boolean refreshTokens() {
        return refreshTokens;
    }

    public Duration maxLifetime() {
        return Duration.ofSeconds(Math.max(1, maxLifetimeSeconds));
    }

    public String usernameClaim() {
        return usernameClaim;
    }

    public String nameClaim() {
        return nameClaim;
    }

    public String groupsClaim() {
        return groupsClaim;
    }
}
