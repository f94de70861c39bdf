package org.jakartamcp.mcp.server.resources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;

/**
 * The resources Streamable HTTP sessions follow ({@code mcp_subscription}), kept with their session: whichever
 * instance serves the session's next request, or causes a change, reads the same. A session's rows go with it
 * (on delete cascade).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SubscriptionRepository {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /**
     * Follows the URI; a JSON-RPC invalid-params error when the session already follows {@code max} others. A session
     * that no longer exists (ended meanwhile) follows nothing.
     */
    void subscribe(String sessionHash, String principal, String uri, int max) {
        // the session's row, locked: its subscriptions are counted and added one request at a time, on any instance
        if (entityManager.createNativeQuery("select 1 from mcp_session where id_hash = ?1 for update")
                .setParameter(1, sessionHash).getResultList().isEmpty()) {
            return;
        }
        List<?> following = entityManager.createNativeQuery("select uri from mcp_subscription where session_hash = ?1")
                .setParameter(1, sessionHash).getResultList();
        if (following.contains(uri)) {
            return;
        }
        if (following.size() >= max) {
            throw SubscriptionTable.tooMany(max);
        }
        entityManager.createNativeQuery("insert into mcp_subscription (session_hash, uri, principal) values (?1, ?2, ?3)")
                .setParameter(1, sessionHash).setParameter(2, uri).setParameter(3, principal).executeUpdate();
    }

    void unsubscribe(String sessionHash, String uri) {
        entityManager.createNativeQuery("delete from mcp_subscription where session_hash = ?1 and uri = ?2")
                .setParameter(1, sessionHash).setParameter(2, uri).executeUpdate();
    }

    /** The sessions following the URI; only the user's when {@code principal} is not null. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    List<String> followers(String uri, String principal) {
        return (principal == null
                ? entityManager.createNativeQuery("select session_hash from mcp_subscription where uri = ?1").setParameter(1, uri)
                : entityManager.createNativeQuery("select session_hash from mcp_subscription where uri = ?1 and principal = ?2")
                        .setParameter(1, uri).setParameter(2, principal))
                .getResultList().stream().map(hash -> hash.toString().trim()).toList();
    }
}
