package org.jakartamcp.oauth;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.platform.database.DatabaseReady;

/**
 * The grants revoked recently enough that access tokens issued under them may still be accepted
 * (their lifetime plus the clock skew, {@link OAuthSettings#accessTokenAcceptance}).
 * Checking a token against this set costs no database round trip; the set is refreshed from
 * PostgreSQL every two seconds (so a revocation on another instance takes effect within that), and
 * a revocation on this instance takes effect at once.
 */
@ApplicationScoped
public class RevokedGrants {

    private static final Logger LOG = Logger.getLogger(RevokedGrants.class.getName());
    static final long REFRESH_MILLIS = 2000;

    @Inject
    OAuthStore store;

    @Inject
    OAuthSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private final Set<Long> revoked = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> refresher;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        refresh();
        refresher = scheduler.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = refresher;
        if (running != null) {
            running.cancel(false);
        }
    }

    public boolean isRevoked(long grantId) {
        return revoked.contains(grantId);
    }

    void revokedHere(long grantId) {
        revoked.add(grantId);
    }

    private void refresh() {
        try {
            // a revoked grant's last token is accepted until its expiry plus the clock skew: remembered longer than that
            OffsetDateTime since = OffsetDateTime.now(clock).minus(settings.accessTokenAcceptance());
            Set<Long> current = Set.copyOf(store.revokedSince(since));
            revoked.addAll(current);
            revoked.retainAll(current);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not refresh the revoked grants; keeping the last known set", e);
        }
    }
}
