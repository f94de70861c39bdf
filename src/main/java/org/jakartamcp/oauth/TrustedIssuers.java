package org.jakartamcp.oauth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.identity.oidc.IssuerKeys;

/**
 * The enterprise identity providers whose ID-JAGs this server accepts ({@code oauth.id-jag.issuers}), and
 * the keys of each: from the configured JWKS URL, or found through the issuer's OpenID Connect discovery
 * when first needed. The keys are fetched and cached as the company sign-in's are ({@link IssuerKeys}); a
 * failed discovery is tried again after a short pause, not on every request.
 */
@ApplicationScoped
public class TrustedIssuers {

    private static final Logger LOG = Logger.getLogger(TrustedIssuers.class.getName());
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    @Inject
    IdJagSettings settings;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Issuer> issuers = new LinkedHashMap<>();

    @PostConstruct
    void readIssuers() {
        for (String entry : settings.issuers()) {
            String[] parts = entry.strip().split("\\s+");
            if (parts[0].isEmpty()) {
                continue;
            }
            try {
                Optional<URL> jwks = parts.length > 1 ? Optional.of(URI.create(IssuerKeys.requireSecure(parts[1])).toURL())
                        : Optional.empty();
                issuers.put(IssuerKeys.requireSecure(parts[0]), new Issuer(parts[0], jwks));
            } catch (IllegalArgumentException | IOException e) {
                LOG.severe("oauth.id-jag.issuers: the entry \"" + entry + "\" is ignored: " + e.getMessage());
            }
        }
    }

    public boolean any() {
        return !issuers.isEmpty();
    }

    /** The keys of a trusted issuer (compared exactly, as the assertion writes it); empty for any other. */
    public Optional<JWKSource<SecurityContext>> keysOf(String issuer) {
        return Optional.ofNullable(issuers.get(issuer)).map(Issuer::keys);
    }

    /** One provider: its keys, found when first asked for. */
    private final class Issuer {

        private final String id;
        private final Optional<URL> configuredKeys;
        private volatile JWKSource<SecurityContext> keys;
        private volatile Instant failedAt = Instant.MIN;

        Issuer(String id, Optional<URL> configuredKeys) {
            this.id = id;
            this.configuredKeys = configuredKeys;
        }

        JWKSource<SecurityContext> keys() {
            JWKSource<SecurityContext> current = keys;
            if (current != null) {
                return current;
            }
            // one discovery at a time per provider (each bounded by the HTTP timeouts)
            synchronized (this) {
                if (keys == null) {
                    keys = configuredKeys.map(IssuerKeys::at).or(this::discovered).orElse(null);
                }
                return keys != null ? keys : unreachable();
            }
        }

        /** The keys named by the issuer's discovery document; empty while it cannot be read (tried again after a pause). */
        private Optional<JWKSource<SecurityContext>> discovered() {
            if (failedAt.plus(RETRY_AFTER_FAILURE).isAfter(clock.instant())) {
                return Optional.empty();
            }
            try {
                return Optional.of(IssuerKeys.at(IssuerKeys.discover(id).getJWKSetURI().toURL()));
            } catch (GeneralException | IOException | IllegalArgumentException | NullPointerException e) {
                LOG.log(Level.WARNING, "The identity provider " + id + " (oauth.id-jag.issuers) cannot be discovered: {0}", e.toString());
                failedAt = clock.instant();
                return Optional.empty();
            }
        }

        /** Answers every lookup with a failure, which the validator reports as temporarily_unavailable; not kept. */
        private JWKSource<SecurityContext> unreachable() {
            JWKSource<SecurityContext> failing = (selector, context) -> {
                throw new KeySourceException("The identity provider " + id + " cannot be discovered");
            };
            return failing;
        }
    }
}
