package org.jakartamcp.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.security.SecretHash;
import org.jakartamcp.platform.telemetry.EventCounters;

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
    public static final String REQUEST_STATE_REFUSED = "request-state.refused";
    public static final String CONSENT_ALLOWED = "consent.allowed";
    public static final String CONSENT_DENIED = "consent.denied";
    public static final String CLIENT_REGISTERED = "client.registered";
    public static final String TOKEN_ISSUED = "token.issued";
    public static final String GRANT_REVOKED = "grant.revoked";
    /** An enterprise identity provider's assertion (ID-JAG) redeemed for tokens, or refused. */
    public static final String ID_JAG_ACCEPTED = "id-jag.accepted";
    public static final String ID_JAG_REFUSED = "id-jag.refused";
    /** Every type above: the values the metrics count events by. */
    public static final List<String> TYPES = List.of(SERVER_STARTED, SIGN_IN_SUCCEEDED, SIGN_IN_FAILED, SIGN_IN_LIMITED,
            SIGN_IN_REFUSED, CLIENT_DISABLED, CLIENT_ENABLED, CLIENT_DELETED, TOOL_REFUSED, REQUEST_STATE_REFUSED, CONSENT_ALLOWED,
            CONSENT_DENIED, CLIENT_REGISTERED, TOKEN_ISSUED, GRANT_REVOKED, ID_JAG_ACCEPTED, ID_JAG_REFUSED);

    private static final int MAX_PAGE = 500;

    /** One statement, so that concurrent repeats on any number of instances neither race nor lose a count. */
    private static final String ADD_REPEAT = "insert into audit_event (occurred_at, type, actor, detail, occurrences, last_occurred_at, "
            + "repeat_key) values (now(), ?1, ?2, ?3, 1, now(), ?4) on conflict (repeat_key) do update "
            + "set occurrences = audit_event.occurrences + 1, last_occurred_at = excluded.last_occurred_at";

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** The length of the time window in which repeats of a refusal by one actor share one row. */
    @Inject
    @ConfigProperty(name = "audit.repeat-window-seconds", defaultValue = "600")
    long repeatWindowSeconds;

    @Inject
    EventCounters counters;

    private final Clock clock = Clock.systemUTC();

    /** Writes an event in the caller's transaction, or a new one: never a second connection while one is held. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuditEvent record(String type, String actor, String detail) {
        AuditEvent event = new AuditEvent(OffsetDateTime.now(clock), type, actor, detail);
        entityManager.persist(event);
        counters.audited(type);
        return event;
    }

    /**
     * Writes an event that comes in floods (a refusal): repeats of the type by one actor within one window of
     * {@code audit.repeat-window-seconds} add to the count of one row, which keeps the detail of the first. A
     * flood thus adds one row per actor and window, and cannot push other events off the administrators' page.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordRepeated(String type, String actor, String detail) {
        String boundedActor = AuditEvent.bounded(actor, AuditEvent.MAX_ACTOR_LENGTH);
        entityManager.createNativeQuery(ADD_REPEAT)
                .setParameter(1, type)
                .setParameter(2, boundedActor)
                .setParameter(3, AuditEvent.bounded(detail, AuditEvent.MAX_DETAIL_LENGTH))
                .setParameter(4, repeatKey(type, boundedActor, clock.instant().getEpochSecond(), repeatWindowSeconds))
                .executeUpdate();
        counters.audited(type);
    }

    /**
     * Fixed in size whatever the actor (a name someone typed): the hash of type, actor and window number, each
     * field prefixed with its length so that no choice of actor collides with another type's key.
     */
    static String repeatKey(String type, String actor, long epochSecond, long windowSeconds) {
        String who = actor == null ? "" : actor;
        return SecretHash.of(type.length() + ":" + type + who.length() + ":" + who + Math.floorDiv(epochSecond, Math.max(1, windowSeconds)));
    }

    /** Events of every type, newest first (ties broken by id, so that pages neither overlap nor skip), from an offset. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> page(int offset, int limit) {
        return entityManager.createNamedQuery(AuditEvent.RECENT, AuditEvent.class)
                .setFirstResult(Math.max(0, offset))
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
