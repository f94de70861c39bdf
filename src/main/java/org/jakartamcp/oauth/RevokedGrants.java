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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.cluster.ClusterSignals;
import org.jakartamcp.platform.database.DatabaseReady;

/**
 * The grants revoked recently enough that access tokens issued under them may still be accepted
 * (their lifetime plus the clock skew, {@link OAuthSettings#accessTokenAcceptance}).
 * Checking a token against this set costs no database round trip. A revocation takes effect at once
 * on this instance and, signalled ({@link ClusterSignals}), within milliseconds on the others; the set
 * is also refreshed from PostgreSQL every {@code oauth.revoked-grants-refresh-seconds}, which bounds
 * the delay when a signal is lost.
 */
@ApplicationScoped
public class RevokedGrants {

    private static final Logger LOG = Logger.getLogger(RevokedGrants.class.getName());

    @Inject
    OAuthStore store;

    @Inject
    ClusterSignals signals;

    @Inject
    @ConfigProperty(name = "oauth.revoked-grants-refresh-seconds", defaultValue = "5")
    long refreshSeconds;

    @Inject
    OAuthSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private final Set<Long> revoked = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> refresher;

    /** The first load must succeed before the server is ready: until then, a revoked grant's tokens would pass here. */
    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("revoked grants", () -> {
            load();
            long period = Math.max(1, refreshSeconds);
            refresher = scheduler.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.SECONDS);
        });
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

    /** Called in the transaction that revokes the grant: the other instances hear of it once it commits. */
    void revokedHere(long grantId) {
        revoked.add(grantId);
        signals.publish(ClusterSignal.Topic.GRANT_REVOKED, Long.toString(grantId));
    }

    void onSignal(@Observes ClusterSignal signal) {
        switch (signal.topic()) {
            case GRANT_REVOKED -> {
                try {
                    revoked.add(Long.parseLong(signal.subject()));
                } catch (NumberFormatException e) {
                    LOG.fine(() -> "Ignored a revocation signal without a grant id: " + signal.subject());
                }
            }
            case RESYNC -> refresh();
            default -> {
            }
        }
    }

    private void refresh() {
        try {
            load();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not refresh the revoked grants; keeping the last known set", e);
        }
    }

    private void load() {
        // a revoked grant's last token is accepted until its expiry plus the clock skew: remembered longer than that
        OffsetDateTime since = OffsetDateTime.now(clock).minus(settings.accessTokenAcceptance());
        Set<Long> current = Set.copyOf(store.revokedSince(since));
        revoked.addAll(current);
        revoked.retainAll(current);
    }
}
