package org.jakartamcp.platform.housekeeping;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.jakartamcp.mcp.session.SessionSettings;

/**
 * The rules of what housekeeping deletes: for each kind of row, the time before which it has outlived
 * every use. Plain Java with the time passed in, so that each rule is tested without waiting.
 */
public record Retention(Duration sessionIdleTimeout, Duration eventRetention, Duration expiredRetention,
                        Duration revokedGrantRetention, Duration revocationMemory, Duration unusedClientRetention,
                        Duration auditRetention, Duration activityRetention) {

    static final Duration SAFETY_MARGIN = Duration.ofMinutes(5);

    /** Sessions last seen before this are idle past their lifetime ({@code last_seen_at} lags by up to a minute). */
    public OffsetDateTime sessionsSeenBefore(OffsetDateTime now) {
        return now.minus(sessionIdleTimeout).minus(SessionSettings.TOUCH_INTERVAL);
    }

    /** Stream events written before this can no longer be asked for again (the newest of a standalone stream stays). */
    public OffsetDateTime eventsCreatedBefore(OffsetDateTime now) {
        return now.minus(eventRetention);
    }

    /** Codes and refresh tokens that expired before this are deleted. */
    public OffsetDateTime credentialsExpiredBefore(OffsetDateTime now) {
        return now.minus(expiredRetention);
    }

    /**
     * Grants revoked before this are deleted, with their codes and tokens. Never sooner than instances
     * stop remembering the revocation ({@code revocationMemory}: as long as the grant's last access token
     * can be accepted, its lifetime plus the clock skew), plus a margin: instances learn of revocations
     * from these rows, so a grant deleted earlier would make its tokens valid again.
     */
    public OffsetDateTime grantsRevokedBefore(OffsetDateTime now) {
        Duration floor = revocationMemory.plus(SAFETY_MARGIN);
        return now.minus(revokedGrantRetention.compareTo(floor) > 0 ? revokedGrantRetention : floor);
    }

    /** Clients registered before this that no user ever granted anything are deleted. */
    public OffsetDateTime unusedClientsCreatedBefore(OffsetDateTime now) {
        return now.minus(unusedClientRetention);
    }

    public OffsetDateTime auditBefore(OffsetDateTime now) {
        return now.minus(auditRetention);
    }

    /** Minutes of activity (the activity page's rows) from before this are deleted. */
    public OffsetDateTime activityBefore(OffsetDateTime now) {
        return now.minus(activityRetention);
    }

    /**
     * Used request states that expired before this are forgotten: a replay is refused as expired anyway.
     * The margin covers instances whose clocks run behind, which would still take the state as valid.
     */
    public OffsetDateTime requestStatesExpiredBefore(OffsetDateTime now) {
        return now.minus(SAFETY_MARGIN);
    }

    /**
     * Redeemed ID-JAGs that expired before this are forgotten: a replay is refused as expired anyway (the row is
     * kept until the assertion's expiry plus the clock skew), and the margin covers instances whose clocks run behind.
     */
    public OffsetDateTime usedAssertionsExpiredBefore(OffsetDateTime now) {
        return now.minus(SAFETY_MARGIN);
    }

    /**
     * HTTP+SSE messages relayed to the instance holding the stream are taken within milliseconds of their signal
     * (or at its reconnection's resync); one still there after the margin waits for an instance that is gone.
     */
    public OffsetDateTime relayedMessagesCreatedBefore(OffsetDateTime now) {
        return now.minus(SAFETY_MARGIN);
    }

    /**
     * A shared rate limit's row (a bucket, sign-in failures) expires when deleting it changes nothing: the bucket is
     * full, the failures are forgotten. Rows just expired are kept for the margin, for instances whose clocks run ahead.
     */
    public OffsetDateTime rateLimitsExpiredBefore(OffsetDateTime now) {
        return now.minus(SAFETY_MARGIN);
    }

    /**
     * Instances whose last heartbeat is older than this died: an instance counts as gone after
     * {@code cluster.instance-timeout-seconds} already; the margin only keeps a row whose instance's heartbeat stalls
     * (a database outage) from going while it may come back.
     */
    public OffsetDateTime instancesLastBeatBefore(OffsetDateTime now) {
        return now.minus(SAFETY_MARGIN);
    }
}
