package org.jakartamcp.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Leases on periodic jobs, in PostgreSQL, so that a job every instance schedules runs on one of them per
 * round. The database's clock decides when a lease expires, so the instances' clocks need not agree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ClusterLeases {

    private static final String HOLDER = holder();

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** Takes the job's lease for {@code duration} if it is free or expired; false if another holder has it. */
    public boolean acquire(String job, Duration duration) {
        return entityManager.createNativeQuery("insert into cluster_lease (name, holder, expires_at) "
                        + "values (?1, ?2, now() + ?3 * interval '1 millisecond') on conflict (name) do update "
                        + "set holder = excluded.holder, expires_at = excluded.expires_at where cluster_lease.expires_at <= now()")
                .setParameter(1, job).setParameter(2, HOLDER).setParameter(3, duration.toMillis())
                .executeUpdate() == 1;
    }

    /** This instance, as the lease rows name it (for whoever reads the table). */
    static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        return host + " pid " + ProcessHandle.current().pid();
    }
}
