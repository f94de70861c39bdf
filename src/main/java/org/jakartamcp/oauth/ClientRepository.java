package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Registered clients in PostgreSQL. */
@ApplicationScoped
@Transactional
public class ClientRepository {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    void insert(OAuthClient client) {
        entityManager.persist(client);
    }

    /**
     * Stores a client known by its metadata document, or refreshes the stored copy. The insert is
     * written at once, so that losing a race with another first fetch of the same document shows here
     * (as a PersistenceException) rather than at commit.
     */
    OAuthClient save(OAuthClient document) {
        OAuthClient stored = entityManager.find(OAuthClient.class, document.clientId());
        if (stored == null) {
            entityManager.persist(document);
            entityManager.flush();
            return document;
        }
        stored.refreshFrom(document);
        return stored;
    }

    /** Newest first (ties by id, so that pages neither overlap nor skip). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<OAuthClient> newest(int offset, int limit) {
        return entityManager.createNamedQuery(OAuthClient.NEWEST, OAuthClient.class).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    /** The client, locked until the caller's transaction ends (an administrator changing it while it is used). */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<OAuthClient> lock(String clientId) {
        return Optional.ofNullable(entityManager.find(OAuthClient.class, clientId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void remove(OAuthClient client) {
        entityManager.remove(client);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthClient> find(String clientId) {
        return Optional.ofNullable(entityManager.find(OAuthClient.class, clientId));
    }
}
