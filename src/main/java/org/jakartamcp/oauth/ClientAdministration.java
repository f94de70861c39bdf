package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jakartamcp.platform.audit.AuditTrail;

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
    GrantRevocation revocation;

    @Inject
    AuditTrail audit;

    /** A client as the administrators' page shows it. */
    public record ClientSummary(String clientId, String name, boolean metadataDocument, boolean confidential,
                                OffsetDateTime registeredAt, boolean disabled, long activeGrants) {
    }

    /** An active grant, with whose it is. */
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
                        client.createdAt(), client.isDisabled(), grants.getOrDefault(client.clientId(), 0L)))
                .toList();
    }

    /** Active grants, newest first (ties by id), from an offset. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserGrant> activeGrants(int offset, int limit) {
        return store.activeGrantsWithUsers(Math.max(0, offset), Math.max(1, limit)).stream()
                .map(row -> {
                    Grant grant = (Grant) row[0];
                    return new UserGrant(grant.id(), (String) row[2], (String) row[1], grant.clientId(), grant.scope(), grant.createdAt());
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
