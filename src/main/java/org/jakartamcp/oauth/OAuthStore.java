package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Grants, codes and refresh tokens in PostgreSQL. Callers hold the transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OAuthStore {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** Stores an entity and writes it at once, so that a generated id is known when this returns. */
    void insert(Object entity) {
        entityManager.persist(entity);
        entityManager.flush();
    }

    /** Notes the client's first grant: from then on housekeeping counts it as used. */
    void firstGranted(String clientId, OffsetDateTime at) {
        entityManager.createNamedQuery(OAuthClient.FIRST_GRANTED).setParameter("client", clientId).setParameter("at", at)
                .executeUpdate();
    }

    Optional<Grant> grant(long id) {
        return Optional.ofNullable(entityManager.find(Grant.class, id));
    }

    /**
     * The active grant of a service client for a resource, if any. The caller holds the client's row locked, so that
     * two token requests at once share one grant rather than creating two.
     */
    Optional<Grant> activeServiceGrant(String clientId, String resource) {
        return entityManager.createNamedQuery(Grant.ACTIVE_OF_SERVICE_CLIENT, Grant.class).setParameter("client", clientId)
                .setParameter("resource", resource).setMaxResults(1).getResultStream().findFirst();
    }

    /** The code, locked until the transaction ends, so that two redemptions of one code cannot both succeed. */
    Optional<AuthorizationCode> lockCode(String codeHash) {
        return Optional.ofNullable(entityManager.find(AuthorizationCode.class, codeHash, LockModeType.PESSIMISTIC_WRITE));
    }

    Optional<RefreshToken> lockRefreshToken(String tokenHash) {
        return Optional.ofNullable(entityManager.find(RefreshToken.class, tokenHash, LockModeType.PESSIMISTIC_WRITE));
    }

    Optional<Grant> lockGrant(long id) {
        return Optional.ofNullable(entityManager.find(Grant.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    List<Grant> lockActiveGrantsOfClient(String clientId) {
        return entityManager.createNamedQuery(Grant.ACTIVE_OF_CLIENT, Grant.class).setParameter("client", clientId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The active grants of each of these clients, counted in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<String, Long> activeGrantCounts(List<String> clientIds) {
        return entityManager.createNamedQuery(Grant.ACTIVE_COUNT_PER_CLIENT, Object[].class).setParameter("clients", clientIds)
                .getResultStream().collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    /** Active grants, newest first (ties by id), each with its client's name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<Object[]> activeGrantsWithClients(int offset, int limit) {
        return entityManager.createNamedQuery(Grant.ACTIVE_WITH_CLIENTS, Object[].class).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    void revokeGrant(long id, OffsetDateTime at) {
        grant(id).ifPresent(grant -> grant.revoke(at));
    }

    /** In a transaction of its own when called from the refresher: Payara closes a non-transactional EntityManager under a scheduled task. */
    @Transactional(Transactional.TxType.REQUIRED)
    List<Long> revokedSince(OffsetDateTime since) {
        return entityManager.createNamedQuery(Grant.REVOKED_SINCE, Long.class).setParameter("since", since).getResultList();
    }

    List<Grant> activeGrantsOfUser(long userId) {
        return entityManager.createNamedQuery(Grant.ACTIVE_GRANTS_OF_USER, Grant.class).setParameter("user", userId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<Object[]> activeGrantsOf(long userId) {
        return entityManager.createNamedQuery(Grant.ACTIVE_OF_USER, Object[].class).setParameter("user", userId).getResultList();
    }

    /** The user's active grant to the client for exactly this resource and scope, if any (the oldest). */
    Optional<Grant> activeGrant(long userId, String clientId, String resource, String scope) {
        return entityManager.createNamedQuery(Grant.ACTIVE_SAME, Grant.class).setParameter("user", userId).setParameter("client", clientId)
                .setParameter("resource", resource).setParameter("scope", scope).setMaxResults(1).getResultStream().findFirst();
    }
}
