package org.jakartamcp.platform.housekeeping;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.session.SessionSettings;
import org.jakartamcp.oauth.OAuthSettings;
import org.jakartamcp.platform.database.DatabaseFailures;
import org.jakartamcp.platform.database.ClusterLeases;
import org.jakartamcp.platform.database.DatabaseReady;
import org.jakartamcp.platform.housekeeping.HousekeepingRepository.Purge;

/**
 * Deletes what has outlived its use: idle sessions, stream events no client can resume from any more,
 * expired codes and refresh tokens, long-revoked grants, clients never used, old audit rows, the record of
 * used request states once they have expired, rate-limit rows that no longer limit anything, the heartbeat rows of instances that died, old minutes of activity. Scheduled on
 * every instance at {@link HousekeepingSettings#interval()}; each round, the instance that takes the job's lease
 * ({@link ClusterLeases}) runs it and the others skip that round. Should two runs still overlap (a run longer
 * than the lease), they share the work: each batch skips the rows another one has locked.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    static final String LEASE = "housekeeping";

    @Inject
    HousekeepingRepository repository;

    @Inject
    HousekeepingSettings settings;

    @Inject
    SessionSettings sessionSettings;

    @Inject
    OAuthSettings oauthSettings;

    @Inject
    ClusterLeases leases;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledFuture<?> schedule;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("housekeeping schedule", () -> {
            long period = settings.interval().toMillis();
            schedule = scheduler.scheduleWithFixedDelay(this::scheduledRun, period, period, TimeUnit.MILLISECONDS);
        });
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
        }
    }

    private void scheduledRun() {
        try {
            if (!leases.acquire(LEASE, lease(settings.interval()))) {
                LOG.fine("Housekeeping: another instance runs this round");
                return;
            }
            runOnce();
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.warning(() -> "Housekeeping skipped, the database is unavailable: " + DatabaseFailures.describe(e));
            } else {
                LOG.log(Level.WARNING, "Housekeeping failed; it runs again in " + settings.interval().toMinutes() + " minutes", e);
            }
        }
    }

    /**
     * A round's lease: shorter than the interval, so that the instance that ran this round can take the next
     * one, and long enough that the others, whose rounds fall anywhere in between, skip this one.
     */
    static Duration lease(Duration interval) {
        return interval.multipliedBy(9).dividedBy(10);
    }

    /** One run over every kind of row; returns how many rows of each it deleted. */
    public Map<Purge, Integer> runOnce() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Retention retention = retention();
        Map<Purge, Function<OffsetDateTime, OffsetDateTime>> cutoffs = new EnumMap<>(Purge.class);
        cutoffs.put(Purge.IDLE_SESSIONS, retention::sessionsSeenBefore);
        cutoffs.put(Purge.STREAM_EVENTS, retention::eventsCreatedBefore);
        cutoffs.put(Purge.EXPIRED_CODES, retention::credentialsExpiredBefore);
        cutoffs.put(Purge.EXPIRED_REFRESH_TOKENS, retention::credentialsExpiredBefore);
        cutoffs.put(Purge.REVOKED_GRANTS, retention::grantsRevokedBefore);
        cutoffs.put(Purge.UNUSED_CLIENTS, retention::unusedClientsCreatedBefore);
        cutoffs.put(Purge.AUDIT_EVENTS, retention::auditBefore);
        cutoffs.put(Purge.USED_REQUEST_STATES, retention::requestStatesExpiredBefore);
        cutoffs.put(Purge.USED_ASSERTIONS, retention::usedAssertionsExpiredBefore);
        cutoffs.put(Purge.RELAYED_SSE_MESSAGES, retention::relayedMessagesCreatedBefore);
        cutoffs.put(Purge.FULL_RATE_LIMIT_BUCKETS, retention::rateLimitsExpiredBefore);
        cutoffs.put(Purge.FORGOTTEN_SIGN_IN_FAILURES, retention::rateLimitsExpiredBefore);
        cutoffs.put(Purge.RELAYED_CLIENT_ANSWERS, retention::relayedMessagesCreatedBefore);
        cutoffs.put(Purge.DEAD_INSTANCES, retention::instancesLastBeatBefore);
        cutoffs.put(Purge.ACTIVITY_MINUTES, retention::activityBefore);
        Map<Purge, Integer> deleted = new EnumMap<>(Purge.class);
        for (Purge purge : Purge.values()) {
            deleted.put(purge, purge(purge, cutoffs.get(purge).apply(now)));
        }
        int total = deleted.values().stream().mapToInt(Integer::intValue).sum();
        LOG.log(total > 0 ? Level.INFO : Level.FINE, () -> "Housekeeping deleted " + total + " rows: " + deleted);
        return deleted;
    }

    private int purge(Purge purge, OffsetDateTime cutoff) {
        int total = 0;
        for (int batch = 0; batch < settings.maxBatches(); batch++) {
            int deleted = repository.deleteBatch(purge, cutoff, settings.batchSize());
            total += deleted;
            if (deleted < settings.batchSize()) {
                break;
            }
        }
        int count = total;
        LOG.fine(() -> purge + ": " + count + " rows from before " + cutoff);
        return total;
    }

    Retention retention() {
        return new Retention(sessionSettings.idleTimeout(), settings.eventRetention(), settings.expiredRetention(),
                settings.revokedGrantRetention(), oauthSettings.accessTokenAcceptance(), settings.unusedClientRetention(),
                settings.auditRetention(), settings.activityRetention());
    }
}
