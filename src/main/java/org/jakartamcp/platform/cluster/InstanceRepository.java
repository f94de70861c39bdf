package org.jakartamcp.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * The {@code cluster_instance} rows: each instance's heartbeat, by the database's clock, so that the instances'
 * clocks need not agree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class InstanceRepository {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** This instance's heartbeat; its row is made again if it is missing (deleted while the database was out of reach). */
    void beat(String id, String description) {
        entityManager.createNativeQuery("insert into cluster_instance (id, description, started_at, last_beat_at) "
                        + "values (?1, ?2, now(), now()) on conflict (id) do update set last_beat_at = now()")
                .setParameter(1, id).setParameter(2, description)
                .executeUpdate();
    }

    /** The ids of the instances whose last heartbeat is younger than {@code timeout}. */
    @SuppressWarnings("unchecked")
    List<String> live(Duration timeout) {
        return entityManager.createNativeQuery("select id from cluster_instance "
                        + "where last_beat_at > now() - ?1 * interval '1 millisecond'")
                .setParameter(1, timeout.toMillis())
                .getResultList();
    }

    void remove(String id) {
        entityManager.createNativeQuery("delete from cluster_instance where id = ?1").setParameter(1, id).executeUpdate();
    }
}
