package org.jakartamcp.mcp.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The JPA side of {@link SessionStore}: one short transaction per change. */
@ApplicationScoped
@Transactional
public class SessionRepository {

    /** Hashes per IN list: far below PostgreSQL's limit of bind parameters, and a small statement. */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    void insert(SessionRecord record) {
        entityManager.persist(record);
    }

    /**
     * Stores a new session of a user who may have at most {@code cap} of this transport, ending the
     * least recently used ones beyond it; returns the hashes of the sessions it ended.
     */
    @SuppressWarnings("unchecked")
    List<String> insertWithin(SessionRecord record, int cap) {
        List<String> ended = entityManager.createNativeQuery("delete from mcp_session where id_hash in ("
                        + "select id_hash from mcp_session where principal = ?1 and transport = ?2 "
                        + "order by last_seen_at desc, created_at desc offset ?3) returning id_hash")
                .setParameter(1, record.principal)
                .setParameter(2, record.transport)
                .setParameter(3, cap - 1)
                .getResultList();
        entityManager.persist(record);
        return ended.stream().map(String::trim).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    SessionRecord find(String idHash) {
        return entityManager.find(SessionRecord.class, idHash);
    }

    /** When each of these sessions was last seen, for those that still exist. */
    Map<String, OffsetDateTime> lastSeen(Collection<String> idHashes) {
        Map<String, OffsetDateTime> found = new HashMap<>();
        for (List<String> chunk : chunks(idHashes)) {
            entityManager.createNamedQuery(SessionRecord.LAST_SEEN, Object[].class)
                    .setParameter("hashes", chunk)
                    .getResultList()
                    .forEach(row -> found.put((String) row[0], (OffsetDateTime) row[1]));
        }
        return found;
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

    void touchAll(Collection<String> idHashes, OffsetDateTime now) {
        for (List<String> chunk : chunks(idHashes)) {
            entityManager.createNamedQuery(SessionRecord.TOUCH_ALL)
                    .setParameter("now", now)
                    .setParameter("hashes", chunk)
                    .executeUpdate();
        }
    }

    boolean delete(String idHash) {
        return entityManager.createNamedQuery(SessionRecord.DELETE).setParameter("hash", idHash).executeUpdate() > 0;
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += CHUNK) {
            chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK)));
        }
        return chunks;
    }
}
