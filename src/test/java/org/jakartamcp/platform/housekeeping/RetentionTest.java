package org.jakartamcp.platform.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What housekeeping deletes, rule by rule, at a given time. */
class RetentionTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 29, 12, 0, 0, 0, ZoneOffset.UTC);

    private static Retention retention(Duration revokedGrantRetention, Duration revocationMemory) {
        return new Retention(Duration.ofMinutes(1440), Duration.ofMinutes(15), Duration.ofHours(24), revokedGrantRetention,
                revocationMemory, Duration.ofDays(7), Duration.ofDays(90), Duration.ofHours(48));
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
        assertEquals(NOW.minusHours(48), retention.activityBefore(NOW));
        // an instance counts as gone after its timeout (seconds); its row goes minutes later
        assertEquals(NOW.minusMinutes(5), retention.instancesLastBeatBefore(NOW));
    }

    @Test
    void aRevokedGrantOutlivesItsRevocationMemoryWhateverTheSetting() {
        // 5 min tokens with 30 s skew are remembered for 5 + 2 × 0.5 min; plus a 5 min margin
        assertEquals(NOW.minusMinutes(11), retention(Duration.ZERO, Duration.ofMinutes(6)).grantsRevokedBefore(NOW));
        // a long memory (1 h tokens) wins over a shorter setting
        assertEquals(NOW.minusMinutes(66), retention(Duration.ofHours(1), Duration.ofMinutes(61)).grantsRevokedBefore(NOW));
        // a setting longer than the memory is kept
        assertEquals(NOW.minusDays(7), retention(Duration.ofDays(7), Duration.ofMinutes(6)).grantsRevokedBefore(NOW));
    }
}
