package org.jakartamcp.platform.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What housekeeping deletes, rule by rule, at a given time. */
class RetentionTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 29, 12, 0, 0, 0, ZoneOffset.UTC);

    private static Retention retention(Duration revokedGrantRetention, Duration accessTokenLifetime) {
        return new Retention(Duration.ofMinutes(1440), Duration.ofMinutes(15), Duration.ofHours(24), revokedGrantRetention,
                accessTokenLifetime, Duration.ofDays(7), Duration.ofDays(90));
    }

    @Test
    void eachKindOfRowHasItsOwnCutoff() {
        Retention retention = retention(Duration.ofDays(7), Duration.ofMinutes(5));
        // last_seen_at lags by up to the touch interval (a minute)
        assertEquals(NOW.minusMinutes(1441), retention.sessionsSeenBefore(NOW));
        assertEquals(NOW.minusMinutes(15), retention.eventsCreatedBefore(NOW));
        assertEquals(NOW.minusHours(24), retention.credentialsExpiredBefore(NOW));
        assertEquals(NOW.minusDays(7), retention.grantsRevokedBefore(NOW));
        assertEquals(NOW.minusDays(7), retention.unusedClientsCreatedBefore(NOW));
        assertEquals(NOW.minusDays(90), retention.auditBefore(NOW));
    }

    @Test
    void aRevokedGrantOutlivesEveryTokenThatCouldStillBeAcceptedWhateverTheSetting() {
        // 5 min tokens: accepted until 5 + 5 (clock skew), remembered for 10; plus a 5 min margin
        assertEquals(NOW.minusMinutes(15), retention(Duration.ZERO, Duration.ofMinutes(5)).grantsRevokedBefore(NOW));
        // 1 h tokens: remembered for 2 h, the longer of the two
        assertEquals(NOW.minusMinutes(125), retention(Duration.ofHours(1), Duration.ofHours(1)).grantsRevokedBefore(NOW));
        // 1 min tokens: accepted for 1 + 5
        assertEquals(NOW.minusMinutes(11), retention(Duration.ZERO, Duration.ofMinutes(1)).grantsRevokedBefore(NOW));
    }
}
