package org.jakartamcp.platform.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HousekeepingLeaseTest {

    @Test
    void aRoundsLeaseEndsBeforeTheNextRoundOfTheInstanceThatTookIt() {
        assertEquals(Duration.ofSeconds(270), Housekeeping.lease(Duration.ofMinutes(5)));
        assertEquals(Duration.ofSeconds(54), Housekeeping.lease(Duration.ofMinutes(1)));
    }
}
