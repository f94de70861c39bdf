package org.jakartamcp.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jakartamcp.platform.database.AdvisoryLocks;

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

    /** When a password user last signed in (an external one's time is kept with their other claims). */
    void signedIn(long id, OffsetDateTime at) {
        entityManager.createQuery("update UserRecord u set u.signedInAt = :at where u.id = :id")
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }

    /** The names of these users (disabled ones too), in one query; unknown ids are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> usernames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return entityManager.createNamedQuery(UserRecord.USERNAMES, Object[].class).setParameter("ids", Set.copyOf(ids)).getResultList()
                .stream().collect(Collectors.toMap(row -> ((Number) row[0]).longValue(), row -> (String) row[1]));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    long count() {
        return entityManager.createNamedQuery(UserRecord.COUNT, Long.class).getSingleResult();
    }

    /** Inserts the user if there is none yet; false if there is one. Serialised across instances by an advisory lock. */
    boolean insertIfNoUser(UserRecord user) {
        AdvisoryLocks.lock(entityManager, AdvisoryLocks.FIRST_USER);
        if (count() > 0) {
            return false;
        }
        insert(user);
        return true;
    }

    void insert(UserRecord user) {
        entityManager.persist(user);
        entityManager.flush();
    }
}
