package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.jakartamcp.platform.database.AdvisoryLocks;

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
     * Stores a new key and retires every key that was active before it, unless the newest active key is
     * {@code stillGood} (another instance replaced the key since the caller looked): false then. Instances
     * doing this at once take turns (an advisory lock), so only one of them replaces the key. Committed at
     * once: the key is cached and signs right away, so it must not vanish with a caller's rolled-back transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean rotateTo(SigningKeyRecord key, OffsetDateTime now, Predicate<SigningKeyRecord> stillGood) {
        AdvisoryLocks.lock(entityManager, AdvisoryLocks.SIGNING_KEY);
        List<SigningKeyRecord> active = entityManager.createQuery(
                "select k from SigningKeyRecord k where k.retiredAt is null order by k.createdAt desc", SigningKeyRecord.class)
                .getResultList();
        if (!active.isEmpty() && stillGood.test(active.get(0))) {
            return false;
        }
        active.forEach(previous -> previous.retire(now));
        entityManager.persist(key);
        return true;
    }
}
