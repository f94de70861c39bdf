package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseStartupTest {

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        assertEquals(Duration.ofMillis(500), DatabaseStartup.retryDelay(1));
        assertEquals(Duration.ofSeconds(1), DatabaseStartup.retryDelay(2));
        assertEquals(Duration.ofSeconds(8), DatabaseStartup.retryDelay(5));
        assertEquals(DatabaseStartup.MAX_RETRY_DELAY, DatabaseStartup.retryDelay(6));
        assertEquals(DatabaseStartup.MAX_RETRY_DELAY, DatabaseStartup.retryDelay(Integer.MAX_VALUE));
    }
}
