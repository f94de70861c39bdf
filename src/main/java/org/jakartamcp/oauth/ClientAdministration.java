package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jakartamcp.identity.UserRepository;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.security.SecretHash;

/**
 * What administrators do with clients and grants: see them, disable, enable and delete clients,
 * revoke any user's grant. Disabling or deleting a client revokes its grants, so that its tokens
 * stop working at once rather than when they expire. Each page is two queries at most, however many rows.
 */
@ApplicationScoped
@Transactional
public class ClientAdministration {

    @Inject
    ClientRepository clientRepository;

    @Inject
    OAuthStore store;

    @Inject
    UserRepository users;

    @Inject
    GrantRevocation revocation;

    @Inject
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** A client as the administrators' page shows it. */
    public record ClientSummary(String clientId, String name, boolean metadataDocument, boolean confidential, boolean service,
                                OffsetDateTime registeredAt, boolean disabled, long activeGrants) {
    }

    /** A service client just created: its secret exists only here, once, and as a hash in the database. */
    public record ServiceClient(String clientId, String name, String scope, String secret) {
    }

    /** An active grant, with whose it is. */
    /** Who holds a service client's grant (client credentials): the client itself, no user. */
    static final String SERVICE_CLIENT = "(service client)";

    public record UserGrant(long grantId, String username, String clientName, String clientId, String scope, OffsetDateTime since) {
    }

    /** Clients, newest first (ties by id, so that pages neither overlap nor skip), from an offset, with their active grants counted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientSummary> newestClients(int offset, int limit) {
        List<OAuthClient> clients = clientRepository.newest(Math.max(0, offset), Math.max(1, limit));
        if (clients.isEmpty()) {
            return List.of();
        }
        Map<String, Long> grants = store.activeGrantCounts(clients.stream().map(OAuthClient::clientId).toList());
        return clients.stream()
                .map(client -> new ClientSummary(client.clientId(), client.clientName(), client.isMetadataDocument(), !client.isPublic(),
                        client.isServiceClient(), client.createdAt(), client.isDisabled(), grants.getOrDefault(client.clientId(), 0L)))
                .toList();
    }

    /** Active grants, newest first (ties by id), from an offset. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserGrant> activeGrants(int offset, int limit) {
        List<Object[]> rows = store.activeGrantsWithClients(Math.max(0, offset), Math.max(1, limit));
        // the users' names in one query of the identity package's own, not a join with its entity
        Map<Long, String> usernames = users.usernames(rows.stream().map(row -> ((Grant) row[0]).userId()).filter(id -> id != 0).toList());
        return rows.stream()
                .map(row -> {
                    Grant grant = (Grant) row[0];
                    String user = grant.userId() == 0 ? SERVICE_CLIENT : usernames.getOrDefault(grant.userId(), "");
                    return new UserGrant(grant.id(), user, (String) row[1], grant.clientId(), grant.scope(), grant.createdAt());
                }).toList();
    }

    /** Keeps the client out of new sign-ins and token requests, and ends its grants; false for an unknown client. */
    public boolean disable(String clientId, String administrator) {
        return locked(clientId).map(client -> {
            client.setDisabled(true);
            int revoked = revokeGrantsOf(clientId, "client disabled by " + administrator);
            audit.record(AuditTrail.CLIENT_DISABLED, administrator, "client " + clientId + " (" + client.clientName() + "), "
                    + revoked + " grants revoked");
            return true;
        }).orElse(false);
    }

    public boolean enable(String clientId, String administrator) {
        return locked(clientId).map(client -> {
            client.setDisabled(false);
            audit.record(AuditTrail.CLIENT_ENABLED, administrator, "client " + clientId + " (" + client.clientName() + ")");
            return true;
        }).orElse(false);
    }

    /**
     * Forgets the client and ends its grants. A client known by its metadata document comes back when
     * it is used again (its id is the document's URL); disabling is what keeps such a client out.
     */
    public boolean delete(String clientId, String administrator) {
        return locked(clientId).map(client -> {
            int revoked = revokeGrantsOf(clientId, "client deleted by " + administrator);
            clientRepository.remove(client);
            audit.record(AuditTrail.CLIENT_DELETED, administrator, "client " + clientId + " (" + client.clientName() + "), "
                    + revoked + " grants revoked");
            return true;
        }).orElse(false);
    }

    /**
     * Registers a service client for the client credentials grant: a confidential client with the given scopes and
     * no redirect URIs. Its secret is returned once and kept only as a hash.
     *
     * @throws IllegalArgumentException with a message for the administrator when the name or scopes are not acceptable
     */
    public ServiceClient createServiceClient(String name, String scope, String administrator) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > ClientRegistration.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A name of 1 to " + ClientRegistration.MAX_NAME_LENGTH + " characters is required.");
        }
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : List.of(scope.strip().split("\\s+"));
        if (scopes.isEmpty() || !OAuthSettings.SCOPES.containsAll(scopes)) {
            throw new IllegalArgumentException("Scopes: one or more of " + String.join(" ", OAuthSettings.SCOPES) + ".");
        }
        String granted = String.join(" ", OAuthSettings.SCOPES.stream().filter(scopes::contains).toList());
        String secret = SecretHash.newSecret();
        OAuthClient client = OAuthClient.serviceClient(SecretHash.newSecret(), SecretHash.of(secret), trimmed, granted,
                OffsetDateTime.now(clock));
        clientRepository.insert(client);
        audit.record(AuditTrail.CLIENT_REGISTERED, administrator, "service client " + client.clientId() + " (" + trimmed
                + "), client credentials, scope " + granted);
        return new ServiceClient(client.clientId(), trimmed, granted, secret);
    }

    /** Revokes any user's grant; false when it does not exist or is revoked already. */
    public boolean revokeGrant(long grantId, String administrator) {
        return store.lockGrant(grantId)
                .filter(grant -> !grant.isRevoked())
                .map(grant -> {
                    revocation.revoke(grant, "revoked by administrator " + administrator);
                    return true;
                }).orElse(false);
    }

    private Optional<OAuthClient> locked(String clientId) {
        return clientId == null || clientId.length() > 512 ? Optional.empty()
                : clientRepository.lock(clientId);
    }

    private int revokeGrantsOf(String clientId, String reason) {
        List<Grant> active = store.lockActiveGrantsOfClient(clientId);
        active.forEach(grant -> revocation.revoke(grant, reason));
        return active.size();
    }
}
