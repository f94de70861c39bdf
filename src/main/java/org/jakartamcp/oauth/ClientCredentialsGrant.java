package org.jakartamcp.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jakartamcp.platform.audit.AuditTrail;

/**
 * The client credentials grant (RFC 6749 4.4, OAuth 2.1 4.2; the MCP OAuth Client Credentials extension, SEP-1046):
 * a service client an administrator registered (a CI job, an agent) gets an access token for itself, with no user and
 * no refresh token. The token's subject is the client id and it carries {@value #MACHINE_CLAIM}
 * {@value #MACHINE_VALUE}, which is how the MCP endpoints tell a machine caller from a person. Its tokens are issued
 * under one grant per client and resource, without a user: disabling or deleting the client revokes that grant, and
 * its tokens stop working as every other revoked token does ({@link RevokedGrants}).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = OAuthException.class)
public class ClientCredentialsGrant {

    public static final String GRANT_TYPE = "client_credentials";
    /** The claim that marks a service client's token (the name Auth0 gives the same claim). */
    public static final String MACHINE_CLAIM = "gty";
    public static final String MACHINE_VALUE = "client-credentials";

    @Inject
    OAuthStore store;

    @Inject
    ClientRepository clients;

    @Inject
    SigningKeys keys;

    @Inject
    OAuthSettings settings;

    @Inject
    ProtectedResources resources;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    /**
     * An access token for the authenticated client.
     *
     * @param requestedScope the scope parameter, or null for every scope the client was registered with (RFC 6749 3.3)
     * @param resource       the resource parameter (RFC 8707), or null for the MCP endpoint
     */
    public Tokens.Issued issue(OAuthClient client, String requestedScope, String resource) {
        if (!client.isServiceClient()) {
            // RFC 6749 5.2: the client is authenticated but not allowed this grant type
            throw new OAuthException("unauthorized_client", "Only service clients registered by an administrator may use "
                    + "the client_credentials grant");
        }
        String scope = scope(requestedScope, client.scope());
        String audience = resource == null ? resources.url(ProtectedResources.MCP) : resource;
        if (!resources.isKnown(audience)) {
            throw new OAuthException("invalid_target", "Unknown resource; this server protects " + String.join(" and ", resources.all()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // the client's row, locked, serialises its token requests (one grant per resource) and sees a disable made meanwhile
        OAuthClient locked = clients.lock(client.clientId()).filter(found -> !found.isDisabled())
                .orElseThrow(() -> new OAuthException("invalid_client", "Client authentication failed", 401));
        Grant grant = store.activeServiceGrant(locked.clientId(), audience).orElseGet(() -> {
            Grant created = Grant.ofServiceClient(locked.clientId(), locked.scope(), audience, now);
            store.insert(created);
            return created;
        });
        OffsetDateTime expires = now.plus(settings.accessTokenLifetime());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(locked.clientId())
                .audience(audience)
                .issueTime(Date.from(now.toInstant()))
                .expirationTime(Date.from(expires.toInstant()))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", locked.clientId())
                .claim("scope", scope)
                .claim("gid", grant.id())
                .claim(MACHINE_CLAIM, MACHINE_VALUE)
                .build();
        audit.record(AuditTrail.TOKEN_ISSUED, "client " + locked.clientId(), "grant " + grant.id() + ", client credentials ("
                + locked.clientName() + "), scope " + scope + ", audience " + audience);
        return new Tokens.Issued(keys.sign(claims), settings.accessTokenLifetime().toSeconds(), null, scope);
    }

    /**
     * The scope of the token: the requested scopes if the client was registered with all of them (in the server's
     * order), else invalid_scope naming what it may ask for; every registered scope when it asks for none.
     */
    static String scope(String requested, String allowed) {
        List<String> registered = allowed == null || allowed.isBlank() ? List.of() : Arrays.asList(allowed.trim().split(" +"));
        if (requested == null || requested.isBlank()) {
            if (registered.isEmpty()) {
                throw new OAuthException("invalid_scope", "The client has no scopes; an administrator registers them");
            }
            return String.join(" ", OAuthSettings.SCOPES.stream().filter(registered::contains).toList());
        }
        List<String> wanted = Arrays.asList(requested.trim().split(" +"));
        if (!registered.containsAll(wanted)) {
            throw new OAuthException("invalid_scope", "This client may ask only for " + (registered.isEmpty() ? "no scope"
                    : String.join(" ", registered)));
        }
        return String.join(" ", OAuthSettings.SCOPES.stream().filter(wanted::contains).toList());
    }
}
