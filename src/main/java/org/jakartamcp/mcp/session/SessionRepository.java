package org.jakartamcp.mcp.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/** The JPA side of {@link SessionStore}: one short transaction per change. */
@ApplicationScoped
@Transactional
public class SessionRepository {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    void insert(SessionRecord record) {
        entityManager.persist(record);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    SessionRecord find(String idHash) {
        return entityManager.find(SessionRecord.class, idHash);
    }

    /** Applies a change to the stored session; false when it no longer exists. */
    boolean update(String idHash, Consumer<SessionRecord> change) {
        SessionRecord record = entityManager.find(SessionRecord.class, idHash);
        if (record == null) {
            return false;
        }
        change.accept(record);
        return true;
    }

    void touch(String idHash, OffsetDateTime now) {
        entityManager.createNamedQuery(SessionRecord.TOUCH)
                .setParameter("now", now)
                .setParameter("hash", idHash)
                .executeUpdate();
    }

    boolean delete(String idHash) {
        return entityManager.createNamedQuery(SessionRecord.DELETE).setParameter("hash", idHash).executeUpdate() > 0;
    }
}
