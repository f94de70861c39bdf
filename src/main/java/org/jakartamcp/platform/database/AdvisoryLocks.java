package org.jakartamcp.platform.database;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks that serialise a step across every instance on the same database: the
 * lock is the transaction's ({@code pg_advisory_xact_lock}), so it ends with the commit or the
 * rollback, and with the connection if the instance dies. Each lock has its number here, so that
 * two features never take the same one by accident.
 */
public final class AdvisoryLocks {

    /** Creating the first user (the first administrator of an empty database). */
    public static final long FIRST_USER = 0x6d63_7001L;
    /** Creating or replacing the signing key. */
    public static final long SIGNING_KEY = 0x6d63_7002L;

    private AdvisoryLocks() {
    }

    /** Waits until this transaction holds the lock; the caller's transaction must be active. */
    public static void lock(EntityManager entityManager, long lock) {
        // count(*) gives the void function a result a JPA provider can read
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) l")
                .setParameter(1, lock).getSingleResult();
    }
}
