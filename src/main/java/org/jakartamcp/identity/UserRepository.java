package org.jakartamcp.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Users in PostgreSQL. */
@ApplicationScoped
@Transactional
public class UserRepository {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<UserRecord> byUsername(String username) {
        return entityManager.createNamedQuery(UserRecord.BY_USERNAME, UserRecord.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<UserRecord> byExternalSubject(String subject) {
        return entityManager.createNamedQuery(UserRecord.BY_EXTERNAL_SUBJECT, UserRecord.class)
                .setParameter("subject", subject).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> find(long id) {
        return Optional.ofNullable(entityManager.find(UserRecord.class, id)).filter(user -> !user.disabled).map(UserRecord::toUser);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    long count() {
        return entityManager.createNamedQuery(UserRecord.COUNT, Long.class).getSingleResult();
    }

    void insert(UserRecord user) {
        entityManager.persist(user);
        entityManager.flush();
    }
}
