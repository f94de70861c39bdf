package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.jakartamcp.platform.security.SecretHash;

/**
 * The ID-JAGs already redeemed, shared by all instances (PostgreSQL), so that each is accepted once
 * wherever it arrives. Committed at once: an assertion refused later (the account, the scope) stays used.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class UsedAssertions {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** Records the assertion as used until {@code keepUntil}; false when it was used before. */
    boolean firstUse(String issuer, String jti, OffsetDateTime keepUntil) {
        // lengths first, so that no issuer and jti pair can be written as another one
        String id = SecretHash.of(issuer.length() + ":" + issuer + jti.length() + ":" + jti);
        return entityManager.createNativeQuery("insert into oauth_used_assertion (id, expires_at) values (?1, ?2) "
                        + "on conflict (id) do nothing")
                .setParameter(1, id)
                .setParameter(2, keepUntil)
                .executeUpdate() == 1;
    }
}
