package org.jakartamcp.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Writes and reads the audit trail kept in PostgreSQL. */
@ApplicationScoped
public class AuditTrail {

    public static final String SERVER_STARTED = "server.started";
    private static final int MAX_PAGE = 500;

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    private final Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditEvent record(String type, String actor, String detail) {
        AuditEvent event = new AuditEvent(OffsetDateTime.now(clock), type, actor, detail);
        entityManager.persist(event);
        return event;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> recent(String type, int limit) {
        return entityManager.createNamedQuery(AuditEvent.RECENT_OF_TYPE, AuditEvent.class)
                .setParameter("type", type)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
    }
}
