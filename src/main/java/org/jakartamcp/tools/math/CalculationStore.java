package org.jakartamcp.tools.math;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The calculation table: written in batches, read newest first. */
@ApplicationScoped
public class CalculationStore {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** Stores a batch and keeps, for each user in it, only the newest {@code keep} calculations. */
    @Transactional
    void saveAll(List<CalculationRecord> calculations, java.util.Collection<String> principals, int keep) {
        calculations.forEach(entityManager::persist);
        entityManager.flush();
        for (String principal : principals) {
            entityManager.createNativeQuery("delete from calculation where principal = ?1 and id < (select coalesce(min(id), 0) "
                            + "from (select id from calculation where principal = ?1 order by id desc limit ?2) newest)")
                    .setParameter(1, principal)
                    .setParameter(2, keep)
                    .executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<CalculationRecord> recent(String principal, int limit) {
        return entityManager.createNamedQuery(CalculationRecord.RECENT, CalculationRecord.class)
                .setParameter("principal", principal)
                .setMaxResults(limit)
                .getResultList();
    }
}
