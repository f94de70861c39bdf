package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthClient> find(String clientId) {
        return Optional.ofNullable(entityManager.find(OAuthClient.class, clientId));
    }
}
