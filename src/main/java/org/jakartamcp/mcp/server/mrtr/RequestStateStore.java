package org.jakartamcp.mcp.server.mrtr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * What all instances share about request states, in PostgreSQL: the key that seals them, and the ids
 * of those already used. Only rounds that carry a requestState reach it, never a plain call.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RequestStateStore {

    static final String KEY_ID = "hmac-sha256-1";

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** The shared key; {@code candidate} becomes it when there is none yet (the first instance to store one wins). */
    byte[] key(byte[] candidate) {
        entityManager.createNativeQuery("insert into mcp_request_state_key (id, secret, created_at) values (?1, ?2, ?3) "
                        + "on conflict (id) do nothing")
                .setParameter(1, KEY_ID)
                .setParameter(2, Base64.getEncoder().encodeToString(candidate))
                .setParameter(3, OffsetDateTime.now())
                .executeUpdate();
        Object secret = entityManager.createNativeQuery("select secret from mcp_request_state_key where id = ?1")
                .setParameter(1, KEY_ID).getSingleResult();
        return Base64.getDecoder().decode((String) secret);
    }

    /** Makes a redeemed state usable again, for a retry that was refused before its handler ran. */
    void giveBack(String id) {
        entityManager.createNativeQuery("delete from mcp_request_state_used where id = ?1").setParameter(1, id).executeUpdate();
    }

        /** Records the state as used; false when it was used before (on any instance). */
    boolean redeem(String id, OffsetDateTime expiresAt) {
        return entityManager.createNativeQuery("insert into mcp_request_state_used (id, expires_at) values (?1, ?2) "
                        + "on conflict (id) do nothing")
                .setParameter(1, id)
                .setParameter(2, expiresAt)
                .executeUpdate() == 1;
    }
}
