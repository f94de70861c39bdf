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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthClient> find(String clientId) {
        return Optional.ofNullable(entityManager.find(OAuthClient.class, clientId));
    }
}
