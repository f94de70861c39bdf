package org.jakartamcp.platform.housekeeping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often housekeeping runs, how much it deletes at a time, and how long each kind of row is kept. */
@ApplicationScoped
public class HousekeepingSettings {

    @Inject
    @ConfigProperty(name = "housekeeping.interval-minutes", defaultValue = "5")
    long intervalMinutes;

    @Inject
    @ConfigProperty(name = "housekeeping.batch-size", defaultValue = "1000")
    int batchSize;

    @Inject
    @ConfigProperty(name = "housekeeping.max-batches", defaultValue = "100")
    int maxBatches;

    /** A client that lost its connection resumes within seconds or minutes; later, the call it waited for is long over. */
    @Inject
    @ConfigProperty(name = "mcp.event-retention-minutes", defaultValue = "15")
    long eventRetentionMinutes;

    /** Expired codes and refresh tokens stay this long, so that a late replay is still recognised as one. */
    @Inject
    @ConfigProperty(name = "oauth.expired-retention-hours", defaultValue = "24")
    long expiredRetentionHours;

    @Inject
    @ConfigProperty(name = "oauth.revoked-grant-retention-days", defaultValue = "7")
    long revokedGrantRetentionDays;

    @Inject
    @ConfigProperty(name = "oauth.unused-client-retention-days", defaultValue = "7")
    long unusedClientRetentionDays;

    @Inject
    @ConfigProperty(name = "audit.retention-days", defaultValue = "90")
    long auditRetentionDays;

    /** The activity page shows the last day at most; a second day covers a look back across midnight. */
    @Inject
    @ConfigProperty(name = "activity.retention-hours", defaultValue = "48")
    long activityRetentionHours;

    public Duration interval() {
        return Duration.ofMinutes(Math.max(1, intervalMinutes));
    }

    /** Rows one delete statement removes at most: each batch is a short transaction that locks only its own rows. */
    public int batchSize() {
        return Math.max(1, batchSize);
    }

    /** Batches per kind of row and run: a backlog is worked off over several runs rather than in one long one. */
    public int maxBatches() {
        return Math.max(1, maxBatches);
    }

    public Duration eventRetention() {
        return Duration.ofMinutes(Math.max(0, eventRetentionMinutes));
    }

    public Duration expiredRetention() {
        return Duration.ofHours(Math.max(0, expiredRetentionHours));
    }

    public Duration revokedGrantRetention() {
        return Duration.ofDays(Math.max(0, revokedGrantRetentionDays));
    }

    public Duration unusedClientRetention() {
        return Duration.ofDays(Math.max(0, unusedClientRetentionDays));
    }

    public Duration auditRetention() {
        return Duration.ofDays(Math.max(1, auditRetentionDays));
    }

    public Duration activityRetention() {
        return Duration.ofHours(Math.max(1, activityRetentionHours));
    }
}
