package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jakartamcp.platform.audit.AuditTrail;

/**
 * What administrators do with clients and grants: see them, disable, enable and delete clients,
 * revoke any user's grant. Disabling or deleting a client revokes its grants, so that its tokens
 * stop working at once rather than when they expire. Each page is two queries at most, however many rows.
 */
@ApplicationScoped
@Transactional
public class ClientAdministration {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

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
        List<OAuthClient> clients = entityManager.createNamedQuery(OAuthClient.NEWEST, OAuthClient.class)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList();
        if (clients.isEmpty()) {
            return List.of();
        }
        Map<String, Long> grants = entityManager.createNamedQuery(Grant.ACTIVE_COUNT_PER_CLIENT, Object[].class)
                .setParameter("clients", clients.stream().map(OAuthClient::clientId).toList()).getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
        return clients.stream()
                .map(client -> new ClientSummary(client.clientId(), client.clientName(), client.isMetadataDocument(), !client.isPublic(),
                        client.createdAt(), client.isDisabled(), grants.getOrDefault(client.clientId(), 0L)))
                .toList();
    }

    /** Active grants, newest first (ties by id), from an offset. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserGrant> activeGrants(int offset, int limit) {
        return entityManager.createNamedQuery(Grant.ACTIVE_WITH_USERS, Object[].class)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultStream()
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
            entityManager.remove(client);
            audit.record(AuditTrail.CLIENT_DELETED, administrator, "client " + clientId + " (" + client.clientName() + "), "
                    + revoked + " grants revoked");
            return true;
        }).orElse(false);
    }

    /** Revokes any user's grant; false when it does not exist or is revoked already. */
    public boolean revokeGrant(long grantId, String administrator) {
        return Optional.ofNullable(entityManager.find(Grant.class, grantId, LockModeType.PESSIMISTIC_WRITE))
                .filter(grant -> !grant.isRevoked())
                .map(grant -> {
                    revocation.revoke(grant, "revoked by administrator " + administrator);
                    return true;
                }).orElse(false);
    }

    private Optional<OAuthClient> locked(String clientId) {
        return clientId == null || clientId.length() > 512 ? Optional.empty()
                : Optional.ofNullable(entityManager.find(OAuthClient.class, clientId, LockModeType.PESSIMISTIC_WRITE));
    }

    private int revokeGrantsOf(String clientId, String reason) {
        List<Grant> active = entityManager.createNamedQuery(Grant.ACTIVE_OF_CLIENT, Grant.class).setParameter("client", clientId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        active.forEach(grant -> revocation.revoke(grant, reason));
        return active.size();
    }
}
