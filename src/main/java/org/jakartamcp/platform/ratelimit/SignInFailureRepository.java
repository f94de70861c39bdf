package org.jakartamcp.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The sign-in failure counts in PostgreSQL ({@code sign_in_failure}), shared by every instance: an attempt locks
 * its rows for its transaction, so parallel attempts on any instances count one after the other.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SignInFailureRepository implements FailureStore {

    /** Orders keys the same way in every attempt, so that two attempts locking two rows each never wait for each other in a circle. */
    private static final Comparator<HashedKeyMap.Key> LOCK_ORDER = Comparator.comparingLong(HashedKeyMap.Key::high)
            .thenComparingLong(HashedKeyMap.Key::low);

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    @Override
    public Instant lastSuccess(HashedKeyMap.Key key) {
        List<?> rows = entityManager.createNativeQuery("select last_success from sign_in_failure where key = ?1 and last_success is not null")
                .setParameter(1, key.bytes()).getResultList();
        return rows.isEmpty() ? null : StoredTimes.instant(rows.get(0));
    }

    @Override
    public <T> T change(List<HashedKeyMap.Key> keys, Duration memory, Duration knownFor, Function<List<FailureCount>, T> action) {
        List<FailureCount> counts = new ArrayList<>(keys.size());
        keys.forEach(key -> counts.add(null));
        List<HashedKeyMap.Key> ordered = keys.stream().sorted(LOCK_ORDER).toList();
        for (HashedKeyMap.Key key : ordered) {
            counts.set(keys.indexOf(key), lock(key));
        }
        T result = action.apply(counts);
        for (int i = 0; i < keys.size(); i++) {
            save(keys.get(i), counts.get(i), memory, knownFor);
        }
        return result;
    }

    /** The key's count, its row created if there was none, and locked until the transaction ends. */
    private FailureCount lock(HashedKeyMap.Key key) {
        // the no-op update takes the row's lock and makes RETURNING give the stored values
        Object[] row = (Object[]) entityManager.createNativeQuery("insert into sign_in_failure as f (key, failures, expires_at) "
                        + "values (?1, 0, now()) on conflict (key) do update set failures = f.failures "
                        + "returning f.failures, f.last_failure, f.last_success")
                .setParameter(1, key.bytes()).getSingleResult();
        return new FailureCount(((Number) row[0]).intValue(), StoredTimes.instant(row[1]), StoredTimes.instant(row[2]));
    }

    private void save(HashedKeyMap.Key key, FailureCount count, Duration memory, Duration knownFor) {
        entityManager.createNativeQuery("update sign_in_failure set failures = ?2, last_failure = cast(?3 as timestamptz), "
                        + "last_success = cast(?4 as timestamptz), expires_at = ?5 where key = ?1")
                .setParameter(1, key.bytes())
                .setParameter(2, count.failures())
                .setParameter(3, StoredTimes.stored(count.lastFailure()))
                .setParameter(4, StoredTimes.stored(count.lastSuccess()))
                .setParameter(5, StoredTimes.stored(count.forgottenAt(memory, knownFor)))
                .executeUpdate();
    }

    /** Instants to and from what the JDBC driver reads and writes for {@code timestamptz}. */
    static final class StoredTimes {

        private StoredTimes() {
        }

        static Instant instant(Object stored) {
            if (stored == null) {
                return null;
            }
            if (stored instanceof java.sql.Timestamp timestamp) {
                return timestamp.toInstant();
            }
            if (stored instanceof OffsetDateTime time) {
                return time.toInstant();
            }
            if (stored instanceof Instant instant) {
                return instant;
            }
            throw new IllegalStateException("not a time: " + stored.getClass());
        }

        static OffsetDateTime stored(Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }
    }
}
