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
    public static final String SIGN_IN_SUCCEEDED = "sign-in.succeeded";
    public static final String SIGN_IN_FAILED = "sign-in.failed";
    public static final String SIGN_IN_LIMITED = "sign-in.rate-limited";
    public static final String SIGN_IN_REFUSED = "sign-in.refused";
    public static final String CLIENT_DISABLED = "client.disabled";
    public static final String CLIENT_ENABLED = "client.enabled";
    public static final String CLIENT_DELETED = "client.deleted";
    public static final String TOOL_REFUSED = "tool.refused";
    public static final String CONSENT_ALLOWED = "consent.allowed";
    public static final String CONSENT_DENIED = "consent.denied";
    public static final String CLIENT_REGISTERED = "client.registered";
    public static final String TOKEN_ISSUED = "token.issued";
    public static final String GRANT_REVOKED = "grant.revoked";

    private static final int MAX_PAGE = 500;

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    private final Clock clock = Clock.systemUTC();

    /** Writes an event in the caller's transaction, or a new one: never a second connection while one is held. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuditEvent record(String type, String actor, String detail) {
        AuditEvent event = new AuditEvent(OffsetDateTime.now(clock), type, actor, detail);
        entityManager.persist(event);
        return event;
    }

    /** The newest events of every type, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> recent(int limit) {
        return entityManager.createNamedQuery(AuditEvent.RECENT, AuditEvent.class)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> recent(String type, int limit) {
        return entityManager.createNamedQuery(AuditEvent.RECENT_OF_TYPE, AuditEvent.class)
                .setParameter("type", type)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
    }
}
