package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** Signing keys in PostgreSQL. */
@ApplicationScoped
@Transactional
public class SigningKeyRepository {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** Keys still published at the given time: active ones, newest first, then those retired after {@code since}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<SigningKeyRecord> published(OffsetDateTime since) {
        return entityManager.createNamedQuery(SigningKeyRecord.PUBLISHED, SigningKeyRecord.class)
                .setParameter("since", since).getResultList();
    }

    /**
     * Stores a new key and retires every key that was active before it, committed at once: the key is
     * cached and signs right away, so it must not vanish with a caller's rolled-back transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void rotateTo(SigningKeyRecord key, OffsetDateTime now) {
        entityManager.createQuery("select k from SigningKeyRecord k where k.retiredAt is null", SigningKeyRecord.class)
                .getResultList().forEach(active -> active.retire(now));
        entityManager.persist(key);
    }
}
