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

    /**
     * Stores a batch and keeps, for each user in it, only the newest {@code keep} calculations: one
     * delete for all of them (a statement per user made a flush of many users' calls too slow to keep up).
     */
    @Transactional
    void saveAll(List<CalculationRecord> calculations, java.util.Collection<String> principals, int keep) {
        calculations.forEach(entityManager::persist);
        entityManager.flush();
        StringBuilder users = new StringBuilder();
        for (int i = 1; i <= principals.size(); i++) {
            users.append(i > 1 ? ", ?" : "?").append(i);
        }
        var delete = entityManager.createNativeQuery("delete from calculation where id in (select id from (select id, "
                + "row_number() over (partition by principal order by id desc) as newest from calculation where principal in ("
                + users + ")) ranked where newest > ?" + (principals.size() + 1) + ")");
        int position = 1;
        for (String principal : principals) {
            delete.setParameter(position++, principal);
        }
        delete.setParameter(position, keep).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<CalculationRecord> recent(String principal, int limit) {
        return entityManager.createNamedQuery(CalculationRecord.RECENT, CalculationRecord.class)
                .setParameter("principal", principal)
                .setMaxResults(limit)
                .getResultList();
    }
}
