package org.jakartamcp.mcp.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.cluster.ClusterSignals;

/**
 * Clients' answers to requests another instance sent them (elicitation, sampling, roots), POSTed here: kept in
 * PostgreSQL until the instance that asked, signalled in the same transaction, takes them.
 */
@ApplicationScoped
@Transactional
public class ClientAnswers {

    /** An answer as the client POSTed it, and the session it came in. */
    public record Answer(long id, String sessionHash, String body) {
    }

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    @Inject
    ClusterSignals signals;

    private final Clock clock = Clock.systemUTC();

    /**
     * Keeps an answer for the instance with this tag, and signals it once committed; false when the session has ended
     * meanwhile (its calls were cancelled with it). Inserted only while the session's row exists (key-share locked, as
     * {@link RelayedMessages} does), so that a session deleted at the same time is no foreign key violation.
     */
    public boolean relay(String instance, McpSession session, String body) {
        int kept = entityManager.createNativeQuery("insert into mcp_client_answer (instance, session_hash, body, created_at) "
                        + "select ?1, id_hash, ?3, ?4 from mcp_session where id_hash = ?2 for key share")
                .setParameter(1, instance)
                .setParameter(2, session.idHash())
                .setParameter(3, body)
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate();
        if (kept == 0) {
            return false;
        }
        signals.publish(ClusterSignal.Topic.CLIENT_ANSWERS, instance);
        return true;
    }

    /** Removes and returns the answers kept for the instance with this tag, oldest first; each is taken once. */
    public List<Answer> take(String instance) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("delete from mcp_client_answer where instance = ?1 "
                        + "returning id, session_hash, body")
                .setParameter(1, instance)
                .getResultList();
        return rows.stream()
                .map(row -> new Answer(((Number) row[0]).longValue(), ((String) row[1]).trim(), (String) row[2]))
                .sorted(Comparator.comparingLong(Answer::id))
                .toList();
    }
}
