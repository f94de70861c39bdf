package org.jakartamcp.platform.housekeeping;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.jakartamcp.mcp.session.SessionSettings;

/**
 * The rules of what housekeeping deletes: for each kind of row, the time before which it has outlived
 * every use. Plain Java with the time passed in, so that each rule is tested without waiting.
 */
public record Retention(Duration sessionIdleTimeout, Duration eventRetention, Duration expiredRetention,
                        Duration revokedGrantRetention, Duration accessTokenLifetime, Duration unusedClientRetention,
                        Duration auditRetention) {

    /**
     * The largest clock skew a token check may allow (Liberty's MicroProfile JWT default): a token of a
     * revoked grant can be accepted until its expiry plus this.
     */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
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
     * Grants revoked before this are deleted, with their codes and tokens. Never sooner than the last
     * access token of the grant could be accepted, plus a margin: instances learn of revocations from
     * these rows ({@code RevokedGrants} remembers two token lifetimes), so a grant deleted earlier
     * would make its tokens valid again.
     */
    public OffsetDateTime grantsRevokedBefore(OffsetDateTime now) {
        Duration tokensAccepted = accessTokenLifetime.plus(MAX_CLOCK_SKEW);
        Duration remembered = accessTokenLifetime.multipliedBy(2);
        Duration floor = (tokensAccepted.compareTo(remembered) > 0 ? tokensAccepted : remembered).plus(SAFETY_MARGIN);
        return now.minus(revokedGrantRetention.compareTo(floor) > 0 ? revokedGrantRetention : floor);
    }

    /** Clients registered before this that no user ever granted anything are deleted. */
    public OffsetDateTime unusedClientsCreatedBefore(OffsetDateTime now) {
        return now.minus(unusedClientRetention);
    }

    public OffsetDateTime auditBefore(OffsetDateTime now) {
        return now.minus(auditRetention);
    }
}
