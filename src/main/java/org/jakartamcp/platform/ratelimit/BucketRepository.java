package org.jakartamcp.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalLong;

/**
 * Token buckets in PostgreSQL ({@code rate_limit_bucket}), shared by every instance: {@code capacity} attempts,
 * refilled evenly over {@code periodSeconds}. A bucket is one row, changed by one statement that reads, refills and
 * takes at once under the row's lock, so parallel attempts on any instances never take the same token twice. The
 * database's clock refills them, so the instances' clocks need not agree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class BucketRepository {

    /** The tokens a bucket has now (?2 its capacity, ?3 tokens per second): what it had, plus the refill since, at most full. */
    private static final String AVAILABLE = "least(?2, b.tokens + extract(epoch from now() - b.refilled_at) * ?3)";

    private static final String TAKE = "insert into rate_limit_bucket as b (key, tokens, refilled_at, expires_at) "
            + "values (?1, ?2 - 1, now(), now() + interval '1 second' / ?3) on conflict (key) do update set "
            + "tokens = " + AVAILABLE + " - 1, refilled_at = now(), "
            + "expires_at = now() + interval '1 second' * (?2 - " + AVAILABLE + " + 1) / ?3 "
            + "where " + AVAILABLE + " >= 1";

    private static final String GIVE_BACK = "update rate_limit_bucket b set tokens = least(?2, " + AVAILABLE + " + 1), "
            + "refilled_at = now(), expires_at = now() + interval '1 second' * (?2 - least(?2, " + AVAILABLE + " + 1)) / ?3 "
            + "where key = ?1";

    private static final String SECONDS_TO_NEXT = "select greatest(0, 1 - " + AVAILABLE + ") / ?3 from rate_limit_bucket b where key = ?1";

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** Takes one token: empty when taken, otherwise the whole seconds (at least 1) until the bucket has one. */
    public OptionalLong tryTake(HashedKeyMap.Key key, int capacity, double tokensPerSecond) {
        int taken = entityManager.createNativeQuery(TAKE).setParameter(1, key.bytes()).setParameter(2, capacity)
                .setParameter(3, tokensPerSecond).executeUpdate();
        if (taken == 1) {
            return OptionalLong.empty();
        }
        List<?> seconds = entityManager.createNativeQuery(SECONDS_TO_NEXT).setParameter(1, key.bytes()).setParameter(2, capacity)
                .setParameter(3, tokensPerSecond).getResultList();
        double wait = seconds.isEmpty() ? 0 : ((Number) seconds.get(0)).doubleValue();
        return OptionalLong.of(Math.max(1, (long) Math.ceil(wait)));
    }

    /** Gives a token back; a bucket is never fuller than its capacity, and one that is gone stays gone (it was full). */
    public void giveBack(HashedKeyMap.Key key, int capacity, double tokensPerSecond) {
        entityManager.createNativeQuery(GIVE_BACK).setParameter(1, key.bytes()).setParameter(2, capacity)
                .setParameter(3, tokensPerSecond).executeUpdate();
    }
}
