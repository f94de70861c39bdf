package org.jakartamcp.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Sends signals with PostgreSQL's NOTIFY, in the caller's transaction when there is one: the other
 * instances then hear of a change only once it is committed, and never of one rolled back.
 */
@ApplicationScoped
@Transactional
public class SignalRepository {

    /** The one channel every instance of this server listens on. */
    static final String CHANNEL = "jakarta_mcp_cluster";

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    void notify(String payload) {
        entityManager.createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, payload)
                .getResultList();
    }
}
